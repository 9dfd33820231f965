/**
 * Direct quotations of an article body with their speakers: finds the spans, joins quotations that run on
 * across paragraphs, reads unmarked <blockquote>s, attributes speakers and drops what is not a quotation
 * (fragments, titles of works, repeats).
 */
import type { Quote } from '../core/domain.js';
import { createNameBook } from './name-book.js';
import { findQuoteSpans, opensWithQuotationMark, spanText, type QuoteSpan } from './quote-marks.js';
import { isParticiple, isReportingVerb, setAttributionLanguage } from './attribution.js';
import { splitEmbeddedAttributions } from './split-quotes.js';
import { tokenize } from './tokens.js';
import { CAPITALISES_NOUNS, DROPS_PRONOUNS, guessLanguage } from './lexicon.js';
import { attributeParagraph, type CarriedSpeaker, type SpeakerContext } from './speakers.js';
import {
  capitalisedShare,
  comparisonKey,
  countWords,
  countWordsUpTo,
  endsWithTerminalPunctuation,
  MAX_QUOTATIONS,
  MAX_QUOTE_SCAN_CHARS,
} from './text-utils.js';

/** Quotations shorter than this are fragments or scare quotes ('in public', 'war criminal'). */
export const MIN_QUOTE_WORDS = 4;
const PREPOSITION_START =
  /^(in|on|at|of|for|to|from|by|with|about|over|under|after|before|into|im|am|auf|mit|von|zu|für|en|dans|sur|avec|pour|de|por|para|con|em|com)\s/i;

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

/** A title of a work or a name in marks ('The Lord of the Rings'), not speech. */
function looksLikeTitle(text: string): boolean {
  return (
    countWords(text) <= 10 &&
    !endsWithTerminalPunctuation(text) &&
    !/[,;:]$/.test(text) &&
    capitalisedShare(text) >= 0.8
  );
}

interface Found {
  quote: Quote;
  paragraphWords: number;
  continuesPrevious: boolean;
  /** A reporting verb stands in the words just before or right after the quotation. */
  spoken: boolean;
}

/** "said the plan was 'reckless'", "'reckless,' she said": a fragment is speech only next to a reporting verb. */
function nextToReportingVerb(text: string, span: QuoteSpan): boolean {
  const before = tokenize(text.slice(Math.max(0, span.open - 120), span.open));
  const after = tokenize(text.slice(span.close + 1, span.close + 60))
    .filter((token) => token.word)
    .slice(0, 4);
  return [...before, ...after].some((token) => isReportingVerb(token) || isParticiple(token));
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
      found.push({
        quote: { text: spanText(text, span), speaker: speakers[spanIndex]?.name ?? null, paragraph: index },
        paragraphWords,
        continuesPrevious: previousOpen && spanIndex === 0 && span.open <= leadingSpace,
        spoken: countWords(spanText(text, span)) >= MIN_QUOTE_WORDS || nextToReportingVerb(text, span),
      });
    });
  });
  shareSpeakersAcrossContinuations(found);
  return keepQuotations(found);
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

function keepQuotations(found: Found[]): Quote[] {
  const slotByKey = new Map<string, number>();
  const kept: Found[] = [];
  for (const item of found) {
    const { text } = item.quote;
    // A short fragment ("called it 'besorgniserregend'") counts only when someone is credited with it; unattributed
    // it is a scare quote or a term.
    // Nor does one opening with a preposition ("'in public'"), which qualifies the reporter's sentence.
    const short = countWords(text) < MIN_QUOTE_WORDS;
    const fragmentOk = item.quote.speaker !== null && item.spoken && !PREPOSITION_START.test(text);
    if ((short && !fragmentOk) || looksLikeTitle(text)) continue;
    const key = comparisonKey(text);
    const slot = slotByKey.get(key);
    const earlier = slot === undefined ? undefined : kept[slot];
    if (slot !== undefined && earlier) {
      // The same words twice: one is a caption or pull quote. Keep the one in the longer paragraph.
      if (item.paragraphWords > earlier.paragraphWords) {
        item.quote.speaker ??= earlier.quote.speaker;
        kept[slot] = item;
      } else {
        earlier.quote.speaker ??= item.quote.speaker;
      }
      continue;
    }
    slotByKey.set(key, kept.length);
    kept.push(item);
  }
  return kept.map((item) => item.quote).sort((a, b) => a.paragraph - b.paragraph);
}
