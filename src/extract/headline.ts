/**
 * Choosing the article's headline by agreement between what the page says about itself: its h1s, og:title
 * (or twitter:title), the JSON-LD headline and the <title>, which often carries " | Site" or " - Author".
 * The headline as printed (an h1) wins when the metadata backs it; a section name in an h1 ("Health Center")
 * does not, because nothing else agrees with it.
 */
import { comparisonKey } from './text-utils.js';

const SEPARATORS = [' | ', ' - ', ' — ', ' – ', ' :: ', ' · ', ' • ', ' / '];
/** A site name, section or author appended to a title is short. */
const MAX_AFFIX_WORDS = 5;

export interface HeadlineSources {
  h1s: string[];
  ogTitle: string | null;
  jsonLd: string | null;
  title: string | null;
  siteName: string | null;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * "Headline | Site", "Headline - Author | Site", "Site | Headline" → "Headline": cuts short affixes (or the
 * named site) at separators while a longer side remains.
 */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  let text = title.trim();
  const site = siteName?.toLowerCase() ?? null;
  for (let round = 0; round < 3; round++) {
    let cut: string | null = null;
    for (const separator of SEPARATORS) {
      const at = text.lastIndexOf(separator);
      if (at > 0) {
        const head = text.slice(0, at).trim();
        const tail = text.slice(at + separator.length).trim();
        const tailIsAffix = tail.toLowerCase() === site || (wordCount(tail) <= MAX_AFFIX_WORDS && site === null);
        if (tailIsAffix && head.length > tail.length) cut = head;
      }
      const first = text.indexOf(separator);
      if (cut === null && first > 0 && site !== null) {
        const head = text.slice(0, first).trim();
        if (head.toLowerCase() === site) cut = text.slice(first + separator.length).trim();
      }
      if (cut !== null) break;
    }
    if (cut === null) break;
    text = cut;
  }
  return text;
}

function wordSet(text: string): Set<string> {
  return new Set(comparisonKey(text).split(' ').filter(Boolean));
}

/** Share of `a`'s words that `b` also has. */
function coverage(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / a.size;
}

/** The headline, or null when the page says nothing usable. */
export function chooseHeadline(sources: HeadlineSources): string | null {
  const raw = [sources.ogTitle, sources.jsonLd, sources.title].filter((text): text is string => !!text);
  const stripped = raw.map((text) => stripSiteSuffix(text, sources.siteName));
  const keys = new Set([...raw, ...stripped].map(comparisonKey));
  // An h1 the metadata repeats, exactly or as the start of a longer title.
  for (const h1 of sources.h1s) {
    const key = comparisonKey(h1);
    if (key && (keys.has(key) || raw.some((text) => comparisonKey(text).startsWith(`${key} `)))) return h1;
  }
  // An h1 that says nearly the same as a metadata title (a shortened SEO title, a kicker added to the h1).
  for (const h1 of sources.h1s) {
    const words = wordSet(h1);
    if (words.size < 3) continue;
    if (stripped.some((text) => coverage(wordSet(text), words) >= 0.8 && coverage(words, wordSet(text)) >= 0.6))
      return h1;
  }
  // Otherwise the metadata by agreement between its sources, then in order of reliability.
  for (let i = 0; i < stripped.length; i++) {
    const key = comparisonKey(stripped[i] ?? '');
    if (stripped.some((other, j) => j !== i && comparisonKey(other) === key)) return stripped[i] ?? null;
  }
  return stripped[0] ?? sources.h1s[0] ?? null;
}
