/**
 * Choosing the article's headline by agreement between what the page says about itself: its h1s, og:title
 * (or twitter:title), the JSON-LD headline and the <title>, which often carries " | Site" or " - Author".
 * The headline as printed (an h1) wins when the metadata backs it; a section name in an h1 ("Health Center")
 * does not, because nothing else agrees with it.
 */
import { comparisonKey } from './text-utils.js';

const PREFIX_SEPARATORS = new Set([' | ', ' :: ', ' · ', ' • ']);
const SEPARATORS = [' | ', ' - ', ' — ', ' – ', ' :: ', ' · ', ' • ', ' / '];
/** A site name, section or author appended to a title is short. */
const MAX_AFFIX_WORDS = 5;

export interface HeadlineSources {
  /** h1s and itemprop=headline elements, kickers removed. */
  h1s: string[];
  ogTitle: string | null;
  twitterTitle?: string | null;
  jsonLd: string | null;
  title: string | null;
  siteName: string | null;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Cuts one affix at a separator: a named site on either side, else a short side next to a longer one. */
function cutAffix(text: string, site: string | null): string | null {
  for (const separator of SEPARATORS) {
    const at = text.lastIndexOf(separator);
    if (at > 0) {
      const head = text.slice(0, at).trim();
      const tail = text.slice(at + separator.length).trim();
      const tailIsAffix = tail.toLowerCase() === site || (site === null && wordCount(tail) <= MAX_AFFIX_WORDS);
      if (tailIsAffix && head.length > tail.length) return head;
    }
    // A site before the headline is set off by a bar or dot; a dash there joins parts of the headline itself.
    const first = PREFIX_SEPARATORS.has(separator) ? text.indexOf(separator) : -1;
    if (first > 0) {
      const head = text.slice(0, first).trim();
      const tail = text.slice(first + separator.length).trim();
      const headIsAffix = head.toLowerCase() === site || (wordCount(head) <= 4 && wordCount(tail) >= 5);
      if (headIsAffix && tail.length > head.length) return tail;
    }
  }
  return null;
}

/**
 * "Headline | Site", "Headline - Author | Site", "Site | Headline" → "Headline": cuts short affixes (or the
 * named site) at separators while a longer side remains.
 */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  let text = title.trim();
  const site = siteName?.toLowerCase() ?? null;
  for (let round = 0; round < 3; round++) {
    const cut = cutAffix(text, site);
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

/** `part` is the larger side of `whole` split at a word boundary: "Site: Headline" holds "Headline". */
function isMainPartOf(part: string, whole: string): boolean {
  if (part.length <= whole.length - part.length) return false;
  return whole.startsWith(`${part} `) || whole.endsWith(` ${part}`);
}

const SEGMENT_SEPARATOR = / ?\| ?| [-–—>/·•] | -- | :: | ?: /;
/** A segment that names a site or section rather than the story: a domain, "Northwest Herald", "News". */
const SITE_LIKE =
  /\.(com|net|org|co\.uk|de|fr|es)\b|\b(news|herald|times|post|tribune|online|gazette|journal|daily)\b/i;

/** The story's part of a <title> cut at every separator: the longest segment that is not a site or section. */
function titleMainSegment(title: string, siteName: string | null, sections: string[]): string {
  const segments = title
    .split(SEGMENT_SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
  const sectionKeys = new Set([siteName ?? '', ...sections].map(comparisonKey));
  const story = segments.filter((part) => !SITE_LIKE.test(part) && !sectionKeys.has(comparisonKey(part)));
  const pool = story.length > 0 ? story : segments;
  return pool.reduce((best, part) => (wordCount(part) > wordCount(best) ? part : best), pool[0] ?? title);
}

/** The headline, or null when the page says nothing usable. Sources are compared by comparisonKey. */
export function chooseHeadline(sources: HeadlineSources): string | null {
  const raw = [sources.ogTitle, sources.twitterTitle, sources.jsonLd, sources.title].filter(
    (text): text is string => !!text,
  );
  const stripped = raw.map((text) => stripSiteSuffix(text, sources.siteName));
  const keys = [...raw, ...stripped].map(comparisonKey);
  const headings = sources.h1s.filter((h1) => comparisonKey(h1) !== '');
  const described = stripped.slice(0, raw.length - (sources.title ? 1 : 0));
  // A heading that og:title, twitter:title or JSON-LD repeats exactly.
  const describedKeys = described.map(comparisonKey);
  const repeated = headings.find((h1) => describedKeys.includes(comparisonKey(h1)));
  if (repeated) return repeated;
  // "Deutschlandtakt: Flixbus attackiert Deutsche Bahn" printed with its kicker in the heading, while the page's
  // own description gives the headline alone: a one-word kicker before a colon is a topic tag. Longer lead-ins
  // ("Chatham House report: …") are part of the headline.
  const kickered = described.find((text) =>
    headings.some((h1) => {
      const colon = h1.indexOf(': ');
      return (
        colon > 0 && wordCount(h1.slice(0, colon)) === 1 && comparisonKey(h1.slice(colon + 2)) === comparisonKey(text)
      );
    }),
  );
  if (kickered) return kickered;
  // A heading with a kicker ("Local News | …") around what two metadata sources agree on: their version.
  const agreed = stripped.find((text, i) =>
    stripped.some((other, j) => j > i && comparisonKey(other) === comparisonKey(text)),
  );
  if (agreed && headings.some((h1) => isMainPartOf(comparisonKey(agreed), comparisonKey(h1)))) return agreed;
  // A heading the metadata repeats exactly, or as the main part of a title with a site or kicker added.
  for (const h1 of headings) {
    const key = comparisonKey(h1);
    if (keys.some((other) => other === key || isMainPartOf(key, other))) return h1;
  }
  // A heading that says nearly the same as a metadata title (a shortened SEO title).
  for (const h1 of headings) {
    const words = wordSet(h1);
    if (words.size < 4) continue;
    if (stripped.some((text) => coverage(wordSet(text), words) >= 0.6 && coverage(words, wordSet(text)) >= 0.6))
      return h1;
  }
  // Metadata sources that agree with each other.
  for (let i = 0; i < stripped.length; i++) {
    const key = comparisonKey(stripped[i] ?? '');
    if (stripped.some((other, j) => j !== i && comparisonKey(other) === key)) return stripped[i] ?? null;
  }
  if (described[0]) return described[0];
  // Only a <title> and headings: a lone printed heading, unless the title carries it as a section name; several
  // headings that nothing repeats are the site's sections, and the title's main segment is the headline.
  const title = sources.title ? comparisonKey(sources.title) : '';
  const lone = headings.length === 1 ? headings[0] : undefined;
  if (lone && wordCount(lone) >= 2 && !title.includes(comparisonKey(lone))) return lone;
  return sources.title ? titleMainSegment(sources.title, sources.siteName, headings) : (headings[0] ?? null);
}
