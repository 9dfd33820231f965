/**
 * Scoring extracted quotations and headlines against hashed labels.
 *
 * Matching rule (strict): a found quotation matches a label when their normalised word sequences are identical
 * (label-format.ts's normalisedWords: case, punctuation, quotation marks and spacing ignored); each label is
 * matched at most once, in reading order. A lenient figure also counts a match when the two word multisets
 * overlap with F1 ≥ 0.8. Speaker figures are over strict matches: right = same speaker (case-insensitive) or
 * both none; wrong = a speaker given that differs from the label (including one given where the label has
 * none); none = no speaker given where the label names one.
 */
import { speakerKey, type HashedQuote } from './label-format.js';

export interface FoundQuote {
  words: string[];
  speaker: string | null;
  /** The quotation as extracted, for the debugging listing only. */
  text: string;
}

export interface PageScore {
  labels: number;
  found: number;
  matched: number;
  lenientMatched: number;
  speakerRight: number;
  speakerWrong: number;
  speakerNone: number;
  headlineExact: boolean;
  headlineWords: boolean;
  /** [found index, label index] of strict matches. */
  pairs: [number, number][];
}

const sameSequence = (a: string[], b: string[]): boolean => a.length === b.length && a.every((w, i) => w === b[i]);

function overlapF1(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common++;
      counts.set(word, left - 1);
    }
  }
  return common === 0 ? 0 : (2 * common) / (a.length + b.length);
}

function match(found: FoundQuote[], labels: HashedQuote[], same: (a: string[], b: string[]) => boolean) {
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  found.forEach((quote, f) => {
    const l = labels.findIndex((label, index) => !used.has(index) && same(quote.words, label.words));
    if (l >= 0) {
      used.add(l);
      pairs.push([f, l]);
    }
  });
  return pairs;
}

export function scorePage(
  found: FoundQuote[],
  labels: HashedQuote[],
  headline: { exact: boolean; words: boolean },
): PageScore {
  const pairs = match(found, labels, sameSequence);
  const lenient = match(found, labels, (a, b) => overlapF1(a, b) >= 0.8);
  let speakerRight = 0;
  let speakerWrong = 0;
  let speakerNone = 0;
  for (const [f, l] of pairs) {
    const got = speakerKey(found[f]?.speaker ?? null);
    const want = speakerKey(labels[l]?.speaker ?? null);
    if (got === want) speakerRight++;
    else if (got === null) speakerNone++;
    else speakerWrong++;
  }
  return {
    labels: labels.length,
    found: found.length,
    matched: pairs.length,
    lenientMatched: lenient.length,
    speakerRight,
    speakerWrong,
    speakerNone,
    headlineExact: headline.exact,
    headlineWords: headline.words,
    pairs,
  };
}

export interface Totals {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  lenientF1: number;
  speakerAccuracy: number;
  wrongRate: number;
  noneRate: number;
  headlineExact: number;
  headlineWords: number;
}

const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number): number => (b === 0 ? (a === 0 ? 1 : 0) : a / b);

/** Micro-averaged over all quotations of the pages (a page with many quotes weighs more). */
export function totals(scores: PageScore[]): Totals {
  const sum = (pick: (s: PageScore) => number): number => scores.reduce((t, s) => t + pick(s), 0);
  const matched = sum((s) => s.matched);
  const precision = ratio(
    matched,
    sum((s) => s.found),
  );
  const recall = ratio(
    matched,
    sum((s) => s.labels),
  );
  const lenient = sum((s) => s.lenientMatched);
  return {
    pages: scores.length,
    precision,
    recall,
    f1: f1Of(precision, recall),
    lenientF1: f1Of(
      ratio(
        lenient,
        sum((s) => s.found),
      ),
      ratio(
        lenient,
        sum((s) => s.labels),
      ),
    ),
    speakerAccuracy: ratio(
      sum((s) => s.speakerRight),
      matched,
    ),
    wrongRate: ratio(
      sum((s) => s.speakerWrong),
      matched,
    ),
    noneRate: ratio(
      sum((s) => s.speakerNone),
      matched,
    ),
    headlineExact: ratio(
      sum((s) => (s.headlineExact ? 1 : 0)),
      scores.length,
    ),
    headlineWords: ratio(
      sum((s) => (s.headlineWords ? 1 : 0)),
      scores.length,
    ),
  };
}
