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
  type FamilyRules,
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

const SINGLE = new Set<SpanKind>(['curly-single', 'straight-single', 'low-single', 'single-guillemet']);

/** The closer that balances the opener at `i` when the marks nest, counting inner openers; or -1. */
function balancedCloser(text: string, rules: FamilyRules, i: number): number {
  let depth = 0;
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === rules.opener) depth++;
    else if (text[j] === rules.closer && depth-- === 0) return j;
  }
  return -1;
}

/**
 * A mark that can only open another quotation ('He said that "Gaza…') shows the quotation before it was never
 * closed: it ends with its last full sentence. Returns the index after that sentence's stop, or -1.
 */
function lastSentenceEnd(text: string, open: number, reopen: number): number {
  for (let k = reopen - 3; k > open; k--) {
    if ('.!?'.includes(text[k] ?? '') && text[k + 1] === ' ' && /\p{Lu}/u.test(text[k + 2] ?? '')) return k + 1;
  }
  return -1;
}

/** Index of the mark closing the opener at `i` (for a quotation never closed, the end of its sentence), or -1. */
function findCloser(text: string, rules: FamilyRules, i: number, last: number): number {
  let close = -1;
  for (let j = nextCloser(text, rules, i + 1); j >= 0; j = nextCloser(text, rules, j + 1)) {
    if (rules.closes(text, j, last)) {
      close = j;
      break;
    }
    const end = rules.onlyOpens?.(text, j) ? lastSentenceEnd(text, i, j) : -1;
    if (end >= 0) return end;
  }
  const inner = rules.nests ? text.indexOf(rules.opener, i + 1) : -1;
  // Unbalanced marks (an opener never closed) keep the first closer, as without nesting.
  if (close >= 0 && inner >= 0 && inner < close) {
    const balanced = balancedCloser(text, rules, i);
    return balanced >= 0 ? balanced : close;
  }
  if (close < 0 && rules.fallback) {
    const j = text.indexOf(rules.fallback.closer, i + 1);
    if (j >= 0 && rules.fallback.closes(text, j)) return j;
  }
  return close;
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
    const close = findCloser(text, rules, i, last);
    if (close < 0) {
      exhausted.add(family);
      unclosed ??= { family, open: i, close: text.length, closed: false };
      i++;
      continue;
    }
    spans.push({ family, open: i, close, closed: true });
    i = close + 1;
  }
  if (unclosed === null) return spans;
  // Spans after an unclosed opener lie inside it. Single marks inside double ones are a quotation within the
  // quotation, which runs on; anything else means the opener was a stray mark.
  const inside = spans.filter((span) => span.open > unclosed.open);
  if (inside.length === 0) return [...spans, unclosed];
  if (SINGLE.has(unclosed.family) || !inside.every((span) => SINGLE.has(span.family))) return spans;
  return [...spans.filter((span) => span.open < unclosed.open), unclosed];
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
