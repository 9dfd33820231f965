/**
 * Finding quotation spans in one paragraph by a single left-to-right scan.
 *
 * Straight and curly single marks double as apostrophes, so every mark is judged by the characters around it.
 * Each opener searches forward for its closer once; a family that finds no closer is never searched again in the
 * paragraph, which keeps the scan linear however unbalanced the marks are.
 */

import {
  ANY_OPENER,
  FAMILIES,
  FAMILY_BY_OPENER,
  lastPossibleCloser,
  nextCloser,
  type QuoteFamily,
} from './quote-families.js';

export type { QuoteFamily } from './quote-families.js';

/** A span is marked by a family of quotation marks, or is a whole <blockquote> that carries no marks. */
export type SpanKind = QuoteFamily | 'unmarked';

/** A quotation found in a paragraph. `start`/`end` delimit the inner text; marks lie outside. */
export interface QuoteSpan {
  family: SpanKind;
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or the paragraph length when the quotation runs on into the next paragraph. */
  close: number;
  closed: boolean;
}

/**
 * Finds the quotation spans of one paragraph, in order. A quotation opened and never closed is returned with
 * `closed: false` when nothing else follows it; the caller decides whether the next paragraph continues it.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const exhausted = new Set<QuoteFamily>();
  const lastCloser = new Map<QuoteFamily, number>();
  let unclosed: QuoteSpan | null = null;
  let i = 0;
  while (i < text.length) {
    // Straight to the next character that opens some family: the rest can open nothing.
    ANY_OPENER.lastIndex = i;
    const next = ANY_OPENER.exec(text);
    if (next === null) break;
    i = next.index;
    const family = FAMILY_BY_OPENER.get(text[i] ?? '');
    if (family === undefined || exhausted.has(family) || !FAMILIES[family].opens(text, i)) {
      i++;
      continue;
    }
    const rules = FAMILIES[family];
    let last = lastCloser.get(family);
    if (last === undefined) {
      last = lastPossibleCloser(text, family);
      lastCloser.set(family, last);
    }
    let close = -1;
    for (let j = nextCloser(text, rules, i + 1); j >= 0; j = nextCloser(text, rules, j + 1)) {
      if (rules.closes(text, j, last)) {
        close = j;
        break;
      }
    }
    if (close < 0) {
      exhausted.add(family);
      unclosed ??= { family, open: i, close: text.length, closed: false };
      i++;
      continue;
    }
    spans.push({ family, open: i, close, closed: true });
    i = close + 1;
  }
  if (unclosed !== null && spans.every((span) => span.open < unclosed.open)) spans.push(unclosed);
  return spans;
}

/** The text between a span's marks, as written, without surrounding spaces. */
export function spanText(text: string, span: QuoteSpan): string {
  return text.slice(span.open + 1, span.close).trim();
}

/** True when the paragraph's first visible character is an opening quotation mark. */
export function opensWithQuotationMark(text: string): boolean {
  const trimmed = text.trimStart();
  const first = trimmed[0];
  return first !== undefined && FAMILY_BY_OPENER.has(first) && FAMILIES[FAMILY_BY_OPENER.get(first)!].opens(trimmed, 0);
}
