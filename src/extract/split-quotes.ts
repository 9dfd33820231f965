/**
 * French, Spanish and German copy put the attribution inside one pair of marks: «Cette loi est injuste,
 * affirme-t-elle. Nous irons jusqu'au bout.» Those are two quotations with a speaker between them, not one.
 */
import { isReportingVerb } from './attribution.js';
import type { QuoteSpan } from './quote-marks.js';

/** ", affirme-t-elle", ", dit-il": a reporting verb with its pronoun joined on. */
const INVERTED = /^(\p{L}+)-(?:t-)?(?:il|elle|ils|elles|on)$/u;
/** ", explique Antony Fastier": a reporting verb and a capitalised word after it. */
const CLAUSE_START = /,\s+(\p{Ll}[\p{L}-]*)(\s+\p{Lu})?/gu;
/** The attribution clause ends at the end of its sentence, which must come soon. */
const MAX_CLAUSE_CHARS = 160;

const asToken = (text: string) => ({ text, word: true, start: 0 });

/** Where the embedded attribution starts (its comma) and where the quotation resumes, or null. */
function embeddedAttribution(inner: string): { comma: number; resume: number } | null {
  for (const match of inner.matchAll(CLAUSE_START)) {
    const word = match[1] ?? '';
    const inverted = INVERTED.exec(word);
    const verb = inverted ? isReportingVerb(asToken(inverted[1] ?? '')) : match[2] && isReportingVerb(asToken(word));
    if (!verb || match.index === undefined || match.index === 0) continue;
    const from = match.index + match[0].length;
    // An inverted verb may close its clause with a comma ("…, dit-il, …"); a clause running on ("…, glisse-t-il
    // en sortant. …") or a named speaker only with a stop.
    const end =
      (inverted ? /^\s*[.,;:]\s+/u.exec(inner.slice(from)) : null) ??
      /[.;:]\s+/u.exec(inner.slice(from, from + MAX_CLAUSE_CHARS));
    if (!end) continue;
    const resume = from + end.index + end[0].length;
    if (/\p{L}/u.test(inner.slice(resume))) return { comma: match.index, resume };
  }
  return null;
}

/**
 * Splits each span that carries its own attribution into the quotation before it and the one after; the
 * attribution clause stays outside both, where attribution reads it.
 */
export function splitEmbeddedAttributions(text: string, spans: QuoteSpan[]): QuoteSpan[] {
  const result: QuoteSpan[] = [];
  for (const span of spans) {
    const inner = text.slice(span.open + 1, span.close);
    const found = span.family === 'unmarked' ? null : embeddedAttribution(inner);
    if (found === null) {
      result.push(span);
      continue;
    }
    const comma = span.open + 1 + found.comma;
    // The second part "opens" on the stop or comma before it: its mark is that character.
    const reopen = span.open + found.resume - 1;
    result.push({ ...span, close: comma, closed: true }, { ...span, open: reopen });
  }
  return result;
}
