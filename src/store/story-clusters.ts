import { foldText as fold } from '../core/fold-text.js';

/**
 * How stories from different outlets are recognised as one event: near-identical headlines after
 * normalisation, or a shared quotation, within 48 hours of each other.
 */

export const CLUSTER_WINDOW_MS = 48 * 60 * 60_000;
/** Token-set overlap (Jaccard) from which two headlines count as the same. */
export const HEADLINE_SIMILARITY = 0.8;
/** Shorter headlines ("Live updates") say too little to identify an event. */
export const MIN_HEADLINE_TOKENS = 4;
/** Shorter quotations ("No comment") are said about many events. */
const MIN_QUOTE_WORDS = 6;

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or says said the to was were will with'.split(' '),
);

/**
 * The headline as stored in stories.normalized_headline: folded, and without a trailing
 * " - Outlet" that many feeds append to their own titles.
 */
export function normalizeHeadline(headline: string, source: string): string {
  const folded = fold(headline);
  const outlet = fold(source);
  if (outlet && folded.endsWith(` ${outlet}`) && folded.length > outlet.length + 10) {
    return folded.slice(0, -outlet.length - 1);
  }
  return folded;
}

/** The significant words of a normalised headline, plurals folded ("agrees" and "agree" are one word). */
export function headlineTokens(normalized: string): Set<string> {
  const tokens = new Set<string>();
  for (const word of normalized.split(' ')) {
    if (word.length === 0 || STOPWORDS.has(word)) continue;
    tokens.add(word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  return tokens;
}

/** Whether two normalised headlines are near-identical. */
export function similarHeadlines(a: Set<string>, b: Set<string>): boolean {
  if (a.size < MIN_HEADLINE_TOKENS || b.size < MIN_HEADLINE_TOKENS) return false;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared) >= HEADLINE_SIMILARITY;
}

/** The form quotes.normalized_text holds; empty for quotations too short to identify an event. */
export function normalizeQuote(text: string): string {
  const folded = fold(text);
  return folded.split(' ').length >= MIN_QUOTE_WORDS ? folded : '';
}

/**
 * The time a story is about: its published time, unless missing or later than its arrival (a
 * feed's clock or a bad date), then its arrival.
 */
export function eventTime(publishedAt: string | null, arrivedAt: string): number {
  const arrived = Date.parse(arrivedAt);
  const published = publishedAt ? Date.parse(publishedAt) : Number.NaN;
  return Number.isNaN(published) || published > arrived ? arrived : published;
}
