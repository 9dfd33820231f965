/**
 * Length caps on what a feed may put into the database and, from there, into chat replies: a
 * hostile feed's 100,000-character headline is stored as a headline, not a page. Cut at a word
 * boundary when one is near, with an ellipsis, never inside a surrogate pair.
 */
export const FIELD_CAPS = {
  headline: 300,
  feedTitle: 120,
  byline: 120,
  standfirst: 600,
  tag: 60,
  /** Longer links are dropped rather than cut: half a URL leads nowhere. */
  url: 2048,
  /** A lead image's address: dropped too when longer, and never cut. */
  imageUrl: 2048,
} as const;

export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export const capNullable = (text: string | null | undefined, max: number): string | null =>
  text ? capText(text, max) : null;

/** The URL when it is of a sane length, else null. */
export const capUrl = (url: string | null | undefined): string | null =>
  url && url.length <= FIELD_CAPS.url ? url : null;
