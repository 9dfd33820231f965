/**
 * Direct quotations of an article body with their speakers: finds the spans, joins quotations that run on
 * across paragraphs, reads unmarked <blockquote>s, attributes speakers and drops what is not a quotation
 * (fragments, titles of works, repeats).
 */
import type { Quote } from '../core/domain.js';
import { createDocumentBook } from './document-authors.js';
import { createNameBook } from './name-book.js';
import { findQuoteSpans, opensWithQuotationMark, spanText, type QuoteSpan } from './quote-marks.js';
import { isParticiple, isReportingVerb, setAttributionLanguage } from './attribution.js';
import { splitEmbeddedAttributions } from './split-quotes.js';
import { tokenize, type Token } from './tokens.js';
import { CAPITALISES_NOUNS, DROPS_PRONOUNS, guessLanguage } from './lexicon.js';
import { attributeParagraph, type CarriedSpeaker, type SpeakerContext } from './speakers.js';
import {
  countWords,
  countWordsUpTo,
  endsWithTerminalPunctuation,
  MAX_QUOTATIONS,
  MAX_QUOTE_SCAN_CHARS,
  startsWithCapital,
} from './text-utils.js';
import { findPullQuotes } from './pull-quotes.js';
import { keepQuotations, MAX_TITLE_WORDS, type Found } from './keep-quotations.js';

export { MIN_QUOTE_WORDS } from './keep-quotations.js';

/** Options for {@link findQuotes}. */
export interface FindQuotesOptions {
  /** Indexes of paragraphs that came from a <blockquote>: without marks, their whole text is a quotation. */
  blockquotes?: ReadonlySet<number>;
  /** Text read before the body for names only (headline, standfirst), so "Zelenskyy" resolves to a full name. */
  namesFrom?: string[];
  /** Captions and other text outside the body, read last and only to complete a surname to a full name. */
  namesLater?: string[];
  /** The article's language (ISO 639-1); guessed from the paragraphs when absent. */
  lang?: string;
}

interface PreparedParagraph {
  /** The text attribution reads: the paragraph, or a lead-in plus the marked-up blockquote. */
  text: string;
  spans: QuoteSpan[];
}

/** A dash line closing a pull quote or blockquote: "— Jane Doe, mayor". */
function dashAttributionStart(text: string): number {
  for (const dash of [' — ', ' – ', '\n— ', '\n– ', ' - ']) {
    const at = text.lastIndexOf(dash);
    if (at > 0 && text.length - at < 120) return at;
  }
  return text.startsWith('— ') || text.startsWith('– ') ? 0 : -1;
}

/** An unmarked blockquote read as one quotation, with the previous paragraph's "she wrote:" as its lead-in. */
function prepareBlockquote(text: string, previous: string | undefined): PreparedParagraph {
  const leadIn = previous !== undefined && /[:,]\s*$/.test(previous) ? `${previous.slice(-300)} ` : '';
  const dash = dashAttributionStart(text);
  const quoted = dash > 0 ? text.slice(0, dash) : text;
  const rest = dash > 0 ? text.slice(dash) : '';
  const combined = `${leadIn}\u201c${quoted}\u201d${rest}`;
  return {
    text: combined,
    spans: [{ family: 'unmarked', open: leadIn.length, close: leadIn.length + quoted.length + 1, closed: true }],
  };
}

function prepareParagraphs(
  paragraphs: string[],
  blockquotes: ReadonlySet<number>,
  embedsAttributions: boolean,
): PreparedParagraph[] {
  let budget = MAX_QUOTATIONS;
  const prepared = paragraphs.map((whole, index): PreparedParagraph => {
    // Bounded work on hostile input: a long paragraph is searched only at its start, and only so many in all.
    const text = whole.length > MAX_QUOTE_SCAN_CHARS ? whole.slice(0, MAX_QUOTE_SCAN_CHARS) : whole;
    if (budget <= 0) return { text, spans: [] };
    const marked = findQuoteSpans(text).slice(0, budget);
    const spans = embedsAttributions ? splitEmbeddedAttributions(text, marked) : marked;
    budget -= spans.length;
    if (spans.length === 0 && blockquotes.has(index)) return prepareBlockquote(text, paragraphs[index - 1]);
    return { text, spans };
  });
  // A quotation left open continues only when the next paragraph opens with a mark; otherwise the opener was
  // an apostrophe or a typo, and the rest of the paragraph is not a quotation.
  prepared.forEach((paragraph, index) => {
    const last = paragraph.spans.at(-1);
    if (last && !last.closed && !opensWithQuotationMark(paragraphs[index + 1] ?? '')) paragraph.spans.pop();
  });
  return prepared;
}

/** "argued that…": the verb reports the reporter's own sentence, not the quotation before it. */
const COMPLEMENTISERS = new Set(['that', 'whether', 'dass', 'ob', 'que', 'qu', 'che']);
const isVerb = (token: Token): boolean => isReportingVerb(token) || isParticiple(token);

/**
 * Where a reporting verb stands next to a span. It follows as an attribution in the clause right after the span
 * ("'Not Again,' Jane Doe said"), unless it reports a clause of its own ("'Ten Rules,' argued that…", a title in
 * the reporter's sentence); it is near in "said the plan was 'reckless'".
 */
function reportingVerbNear(text: string, span: QuoteSpan): Found['reportingVerb'] {
  const after = tokenize(text.slice(span.close + 1, span.close + 80));
  const first = after.findIndex((token) => token.word);
  const clauseEnd = after.findIndex((token, index) => index > first && !token.word);
  const clause = after.slice(first, clauseEnd < 0 ? undefined : clauseEnd).slice(0, 6);
  const at = clause.findIndex(isVerb);
  if (at >= 0 && !COMPLEMENTISERS.has(clause[at + 1]?.text.toLowerCase() ?? '')) return 'follows';
  const nextWords = after.filter((token) => token.word).slice(0, 4);
  if (nextWords.some(isVerb)) return 'near';
  return tokenize(text.slice(Math.max(0, span.open - 120), span.open)).some(isVerb) ? 'near' : null;
}

/**
 * The span is a sentence of its own: it starts the paragraph or follows a sentence's end or a colon, starts with
 * a capital and ends with its own stop ("Her answer: 'Not at all.'").
 */
function isOwnSentence(text: string, span: QuoteSpan, quoted: string): boolean {
  const before = text.slice(Math.max(0, span.open - 3), span.open).trimEnd();
  const opens = before === '' || /[.!?:]['"’”»]?$/.test(before);
  return opens && startsWithCapital(quoted) && endsWithTerminalPunctuation(quoted);
}

/**
 * Finds the direct quotations in body paragraphs, each with its speaker (or null when nobody credible is
 * named) and the index of its paragraph. Pure and linear in the size of the text.
 */
export function findQuotes(paragraphs: string[], options: FindQuotesOptions = {}): Quote[] {
  const lang = options.lang ?? guessLanguage(paragraphs);
  setAttributionLanguage(lang);
  const context: SpeakerContext = {
    dropsPronouns: DROPS_PRONOUNS.has(lang),
    capitalisesNouns: CAPITALISES_NOUNS.has(lang),
    documents: createDocumentBook(),
  };
  const book = createNameBook({
    capitalisesNouns: context.capitalisesNouns,
    wholeText: () => [
      ...(options.namesFrom ?? []),
      ...paragraphs.map((text) => text.slice(0, MAX_QUOTE_SCAN_CHARS)),
      ...(options.namesLater ?? []).map((text) => text.slice(0, 2_000)),
    ],
  });
  for (const text of options.namesFrom ?? []) book.registerNames(text);
  const prepared = prepareParagraphs(paragraphs, options.blockquotes ?? new Set(), lang !== 'en');
  const carried: CarriedSpeaker = { entity: null };
  const found: Found[] = [];
  // Paragraphs after the last quotation can name no one who matters: they are not read for names.
  const lastWithQuotes = prepared.findLastIndex((paragraph) => paragraph.spans.length > 0);
  prepared.forEach(({ text, spans }, index) => {
    if (index > lastWithQuotes) return;
    const speakers = attributeParagraph(text, spans, book, carried, context);
    const previousOpen = prepared[index - 1]?.spans.at(-1)?.closed === false;
    const paragraphWords = spans.length > 0 ? countWordsUpTo(paragraphs[index] ?? '') : 0;
    const leadingSpace = text.length - text.trimStart().length;
    spans.forEach((span, spanIndex) => {
      const quoted = spanText(text, span);
      // Only short spans need the words around them: to tell fragments that are speech, and titles.
      const short = countWords(quoted) <= MAX_TITLE_WORDS;
      found.push({
        quote: { text: quoted, speaker: speakers[spanIndex]?.name ?? null, paragraph: index },
        paragraphWords,
        continuesPrevious: previousOpen && spanIndex === 0 && span.open <= leadingSpace,
        reportingVerb: short ? reportingVerbNear(text, span) : null,
        ownSentence: short && isOwnSentence(text, span, quoted),
      });
    });
  });
  shareSpeakersAcrossContinuations(found);
  const wholeParagraphs = found.filter((item) => item.paragraphWords === countWords(item.quote.text));
  const pulled = findPullQuotes(
    wholeParagraphs.map((item) => item.quote),
    paragraphs,
  );
  return keepQuotations(
    found.filter((item) => !pulled.has(item.quote.paragraph)),
    context.capitalisesNouns,
  );
}

/** A quotation running over several paragraphs has one speaker, wherever its attribution stands. */
function shareSpeakersAcrossContinuations(found: Found[]): void {
  for (let end = found.length - 1; end > 0; end--) {
    let start = end;
    while (start > 0 && found[start]?.continuesPrevious) start--;
    if (start === end) continue;
    const chain = found.slice(start, end + 1);
    const speaker = chain.find((item) => item.quote.speaker !== null)?.quote.speaker ?? null;
    for (const item of chain) item.quote.speaker ??= speaker;
    end = start;
  }
}
