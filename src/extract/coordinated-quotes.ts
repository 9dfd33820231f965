/**
 * Quotations joined by a bare "and" share their speaker: 'Saying that "…" and that "…," Mr. Gore warned' gives
 * the first quotation to the speaker the second one found. Only the words "and", "or" and "that" may stand
 * between them, so nothing else can have been said by anybody else.
 */
import type { NamedEntity } from './names.js';
import type { QuoteSpan } from './quote-marks.js';

const JOINED = /^[\s,]*(?:and|or)(?:\s+that)?[\s,]*$/u;

/** Fills, from last to first, each speakerless quotation that is joined to the next one, which has a speaker. */
export function shareJoinedSpeakers(text: string, spans: QuoteSpan[], speakers: (NamedEntity | null)[]): void {
  for (let i = spans.length - 2; i >= 0; i--) {
    const span = spans[i];
    const next = spans[i + 1];
    if (!span || !next || speakers[i] || !speakers[i + 1] || !span.closed) continue;
    if (JOINED.test(text.slice(span.close + 1, next.open))) speakers[i] = speakers[i + 1] ?? null;
  }
}
