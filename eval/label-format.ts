/**
 * The committed form of the dev-set labels: no third-party sentences, only short hashes of normalised words
 * (enough to compare word sequences and word overlap) and speakers' names or descriptions as written.
 */
import { createHash } from 'node:crypto';

/** One labelled quotation: the hashes of its normalised words, in order, and who said it. */
export interface HashedQuote {
  words: string[];
  speaker: string | null;
}

/** One labelled page. `headlineHash` is of the whole headline (whitespace collapsed), for exact match. */
export interface HashedPage {
  id: string;
  lang: string;
  headlineHash: string;
  headlineWords: string[];
  quotes: HashedQuote[];
}

/** Where a page came from; the page itself is never committed. */
export interface ManifestEntry {
  id: string;
  repo: string;
  commit: string;
  path: string;
  lang: string;
}

/** A raw label as the labelling guide writes it (kept outside git). */
export interface RawLabel {
  id: string;
  repo: string;
  commit: string;
  path: string;
  lang: string;
  headline: string;
  quotes: { text: string; speaker: string | null }[];
}

const sha = (text: string, length: number): string => createHash('sha1').update(text).digest('hex').slice(0, length);

/**
 * The words of a text for comparison: Unicode-normalised (NFKC), lower-cased, apostrophes unified, split into
 * runs of letters and digits (an inner apostrophe or hyphen joins: "don't", "well-known"); punctuation,
 * quotation marks and spacing are ignored.
 */
export function normalisedWords(text: string): string[] {
  const normal = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
  return normal.match(/[\p{L}\p{N}]+(?:['\-‑][\p{L}\p{N}]+)*/gu) ?? [];
}

/** 6 hex characters of sha1 per normalised word. */
export const hashWords = (text: string): string[] => normalisedWords(text).map((word) => sha(word, 6));

/** The headline exactly as written, whitespace collapsed, as 12 hex characters of sha1. */
export const hashHeadline = (text: string): string => sha(text.replace(/\s+/g, ' ').trim(), 12);

/** Speakers compared case-insensitively with whitespace collapsed; nothing else is forgiven. */
export const speakerKey = (speaker: string | null): string | null =>
  speaker === null ? null : speaker.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase() || null;

export function hashLabel(label: RawLabel): HashedPage {
  return {
    id: label.id,
    lang: label.lang,
    headlineHash: hashHeadline(label.headline),
    headlineWords: hashWords(label.headline),
    quotes: label.quotes.map((quote) => ({ words: hashWords(quote.text), speaker: quote.speaker })),
  };
}
