/** Precision, recall and speaker accuracy of extracted quotations against labelled ones. */
import type { Quote } from '../../src/core/domain.js';
import { quoteKey, type ExpectedQuote } from './fixture-set.js';

export interface QuoteScore {
  expected: number;
  found: number;
  matched: number;
  speakerCorrect: number;
  missing: string[];
  unexpected: string[];
  wrongSpeakers: string[];
}

export function scoreQuotes(found: Quote[], expected: ExpectedQuote[]): QuoteScore {
  const expectedByKey = new Map(expected.map((quote) => [quoteKey(quote.text), quote]));
  const foundKeys = new Set(found.map((quote) => quoteKey(quote.text)));
  let matched = 0;
  let speakerCorrect = 0;
  const unexpected: string[] = [];
  const wrongSpeakers: string[] = [];
  for (const quote of found) {
    const label = expectedByKey.get(quoteKey(quote.text));
    if (!label) {
      unexpected.push(`${quote.text} [${quote.speaker}]`);
      continue;
    }
    matched++;
    if (label.speaker === quote.speaker) speakerCorrect++;
    else wrongSpeakers.push(`${quote.text} → ${quote.speaker}, expected ${label.speaker}`);
  }
  const missing = expected.filter((quote) => !foundKeys.has(quoteKey(quote.text))).map((quote) => quote.text);
  return {
    expected: expected.length,
    found: found.length,
    matched,
    speakerCorrect,
    missing,
    unexpected,
    wrongSpeakers,
  };
}

export interface Totals {
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
}

export function totalScore(scores: QuoteScore[]): Totals {
  const sum = (pick: (score: QuoteScore) => number): number => scores.reduce((total, score) => total + pick(score), 0);
  const matched = sum((score) => score.matched);
  const precision =
    matched /
    Math.max(
      sum((score) => score.found),
      1,
    );
  const recall =
    matched /
    Math.max(
      sum((score) => score.expected),
      1,
    );
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, speakerAccuracy: sum((score) => score.speakerCorrect) / Math.max(matched, 1) };
}
