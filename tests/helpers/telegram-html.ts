/**
 * The fake Bot API's reading of HTML parse mode: the tags Telegram accepts, entities, and
 * nesting. A message that would fail on Telegram ("can't parse entities") fails here too, so a
 * rendering that lets feed text break the markup is caught by the tests.
 */

const TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-spoiler',
  'span',
  'tg-emoji',
]);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export interface ParsedHtml {
  /** The text a person sees. */
  text: string;
  /** Link targets, in order. */
  links: string[];
}

/** Parses Telegram HTML; throws with Telegram's wording when it would be refused. */
export function parseTelegramHtml(html: string): ParsedHtml {
  const stack: string[] = [];
  const links: string[] = [];
  let text = '';
  let index = 0;
  while (index < html.length) {
    const char = html[index]!;
    if (char === '<') {
      const end = html.indexOf('>', index);
      if (end < 0) throw new Error(`can't parse entities: unclosed start tag at byte offset ${index}`);
      const raw = html.slice(index + 1, end);
      const closing = raw.startsWith('/');
      const name = (closing ? raw.slice(1) : raw).trim().split(/\s/)[0]!.toLowerCase();
      if (!TAGS.has(name))
        throw new Error(`can't parse entities: unsupported start tag "${name}" at byte offset ${index}`);
      if (closing) {
        if (stack.pop() !== name)
          throw new Error(`can't parse entities: unmatched end tag at byte offset ${index}, expected "</${name}>"`);
      } else {
        stack.push(name);
        if (name === 'a') {
          const href = /href="([^"]*)"/.exec(raw)?.[1];
          if (href === undefined) throw new Error(`can't parse entities: a tag without href at byte offset ${index}`);
          links.push(decodeEntities(href));
        }
      }
      index = end + 1;
    } else if (char === '&') {
      const end = html.indexOf(';', index);
      const name = end > 0 ? html.slice(index + 1, end) : '';
      if (NAMED[name] !== undefined) text += NAMED[name];
      else if (/^#\d{1,7}$/.test(name)) text += String.fromCodePoint(Number(name.slice(1)));
      else if (/^#x[0-9a-f]{1,6}$/i.test(name)) text += String.fromCodePoint(parseInt(name.slice(2), 16));
      else throw new Error(`can't parse entities: unsupported entity at byte offset ${index}`);
      index = end + 1;
    } else {
      text += char;
      index++;
    }
  }
  if (stack.length > 0)
    throw new Error(`can't parse entities: can't find end tag corresponding to start tag "${stack.at(-1)}"`);
  return { text, links };
}

const decodeEntities = (value: string): string =>
  value.replace(/&(lt|gt|amp|quot);/g, (_, name: string) => NAMED[name]!);
