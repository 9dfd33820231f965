/**
 * Atom's xml:base, which the feed parser ignores: relative links are resolved against the
 * document's xml:base (itself relative to where the feed came from), and an entry's own xml:base
 * applies to the links of that entry. Without it, two entries whose hrefs are the same relative
 * path under different bases read as one link, and every relative link points at the wrong host.
 */

const BASE_ATTRIBUTE = /\sxml:base\s*=\s*(["'])([^"']*)\1/;
const ROOT = /<(?:[\w-]+:)?feed\b[^>]*>/;
const LINK_HREF = /(<(?:[\w-]+:)?link\b[^>]*?\shref\s*=\s*)(["'])([^"']*)\2/g;

/** The base for the document's relative links: its root xml:base resolved against `fetchedFrom`. */
export function documentBase(text: string, fetchedFrom: string | null): string | null {
  const root = ROOT.exec(text.slice(0, 4096))?.[0];
  const base = root ? BASE_ATTRIBUTE.exec(root)?.[2] : undefined;
  return base === undefined ? fetchedFrom : resolve(base, fetchedFrom);
}

/**
 * The text with the links of entries that carry their own xml:base made absolute. One pass, each
 * entry's end found once: a hostile document of unclosed entries costs no more than a good one.
 */
export function applyEntryBases(text: string, documentBaseUrl: string | null): string {
  if (!text.includes('xml:base')) return text;
  const open = /<((?:[\w-]+:)?entry)\b([^>]{0,2000})>/g;
  let result = '';
  let copied = 0;
  for (let match = open.exec(text); match; match = open.exec(text)) {
    const close = `</${match[1]}>`;
    const end = text.indexOf(close, open.lastIndex);
    if (end === -1) break;
    const own = BASE_ATTRIBUTE.exec(match[2]!)?.[2];
    const base = own === undefined ? null : resolve(own, documentBaseUrl);
    if (base) {
      const body = text
        .slice(open.lastIndex, end)
        .replace(LINK_HREF, (_link, start: string, quote: string, href: string) => {
          return `${start}${quote}${resolve(href, base) ?? href}${quote}`;
        });
      result += text.slice(copied, open.lastIndex) + body;
      copied = end;
    }
    open.lastIndex = end + close.length;
  }
  return result + text.slice(copied);
}

function resolve(reference: string, base: string | null): string | null {
  try {
    return base ? new URL(reference, base).href : new URL(reference).href;
  } catch {
    return null;
  }
}
