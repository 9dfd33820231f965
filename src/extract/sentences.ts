/** Sentence boundaries in a paragraph whose quotations have been masked, by one linear scan. */
import type { QuoteSpan } from './quote-marks.js';

/** Stands in for every character inside a quotation, so attribution never reads quoted words. */
export const MASK = '\u0001';

const ABBREVIATIONS = new Set(
  `mr mrs ms dr st prof gen sen rep gov lt col sgt capt jr sr inc ltd co corp no vs etc u.s u.k jan feb mar apr
  jun jul aug sep sept oct nov dec mt ft rev supt det insp approx est e.g i.e`.split(/\s+/),
);
const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', '“', '‘', '«', '›', '」', '』']);
const OPENERS = new Set(['"', '“', '‘', "'", '«', '(', '„', '‚', '»', '‹', '「', '『']);

/**
 * The paragraph with each quotation's inner text replaced by MASK, keeping a final stop so a quotation that
 * ends a sentence still ends it. Positions are unchanged.
 */
export function maskQuotations(text: string, spans: QuoteSpan[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(text.slice(at, span.open + 1));
    const inner = text.slice(span.open + 1, span.close);
    const lastVisible = inner.trimEnd().at(-1) ?? '';
    const keepStop = '.!?'.includes(lastVisible) && lastVisible !== '';
    const stopAt = keepStop ? inner.trimEnd().length - 1 : -1;
    parts.push(
      keepStop ? MASK.repeat(stopAt) + lastVisible + MASK.repeat(inner.length - stopAt - 1) : MASK.repeat(inner.length),
    );
    at = span.close;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function isAbbreviation(text: string, stop: number): boolean {
  let start = stop;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1] ?? '')) start--;
  const word = text.slice(start, stop).toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

/** Offsets where sentences start in a masked paragraph; always begins with 0. */
export function sentenceStarts(masked: string): number[] {
  const starts = [0];
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < masked.length && CLOSERS.has(masked[j] ?? '')) j++;
    if (masked[j] !== ' ' && masked[j] !== '\n') continue;
    while (masked[j] === ' ' || masked[j] === '\n') j++;
    const next = masked[j] ?? '';
    const startsSentence = /[\p{Lu}\p{N}]/u.test(next) || OPENERS.has(next);
    if (startsSentence && !(ch === '.' && isAbbreviation(masked, i))) starts.push(j);
    i = j - 1;
  }
  return starts;
}

/** The start of the sentence that contains `offset`, from the sorted list of starts. */
export function sentenceStartBefore(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return starts[low] ?? 0;
}

/** The start of the first sentence after `offset`, or `fallback` when none follows. */
export function sentenceStartAfter(starts: number[], offset: number, fallback: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid + 1;
    else high = mid;
  }
  return starts[low] ?? fallback;
}
