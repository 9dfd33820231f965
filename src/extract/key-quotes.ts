/**
 * Choosing the few quotations that best carry a story: complete sentences of 8 to 60 words with a named
 * speaker, earlier and fuller ones first, and every speaker heard once before anyone is heard twice.
 */
import type { Quote } from '../core/domain.js';
import { countWords, startsWithCapital } from './text-utils.js';

export const MAX_KEY_QUOTES = 3;
const MIN_WORDS = 8;
const MAX_WORDS = 60;

/** A sentence as spoken: opens with a capital and ends with a stop, or with the comma an attribution replaces. */
function isCompleteSentence(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && ' "\'”’»“‘«›」』)'.includes(text[end] ?? '')) end--;
  const last = text[end];
  return last !== undefined && startsWithCapital(text) && '.!?…,'.includes(last);
}

/** Whether a quotation may be a key quote at all. */
export function isKeyQuoteCandidate(quote: Quote): boolean {
  const words = countWords(quote.text);
  return quote.speaker !== null && words >= MIN_WORDS && words <= MAX_WORDS && isCompleteSentence(quote.text);
}

/**
 * Higher is better. News puts what matters first, so position weighs most; among quotations near each
 * other, a fuller statement (up to about 35 words) carries more than a short one.
 */
function score(quote: Quote, paragraphCount: number): number {
  const position = 1 - quote.paragraph / Math.max(paragraphCount, 1);
  const fullness = Math.min(countWords(quote.text), 35) / 35;
  return position * 0.6 + fullness * 0.4;
}

/** Up to three key quotes, best first, one per speaker before a second from the same speaker. */
export function selectKeyQuotes(quotes: Quote[], paragraphCount: number): Quote[] {
  const ranked = quotes
    .filter(isKeyQuoteCandidate)
    .map((quote) => ({ quote, score: score(quote, paragraphCount) }))
    .sort((a, b) => b.score - a.score)
    .map((item) => item.quote);
  const chosen: Quote[] = [];
  const heard = new Set<string>();
  for (const quote of ranked) {
    if (chosen.length === MAX_KEY_QUOTES) break;
    if (heard.has(quote.speaker ?? '')) continue;
    heard.add(quote.speaker ?? '');
    chosen.push(quote);
  }
  for (const quote of ranked) {
    if (chosen.length === MAX_KEY_QUOTES) break;
    if (!chosen.includes(quote)) chosen.push(quote);
  }
  return chosen;
}
