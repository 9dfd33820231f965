/**
 * Which spans found between quotation marks are quotations: short fragments count only when they are speech,
 * titles of works and names in marks do not, and the same words twice (a pull quote, a caption) count once.
 */
import type { Quote } from '../core/domain.js';
import {
  capitalisedShare,
  comparisonKey,
  countWords,
  endsWithTerminalPunctuation,
  startsWithCapital,
} from './text-utils.js';

/** Quotations shorter than this are fragments or scare quotes ('in public', 'war criminal'). */
export const MIN_QUOTE_WORDS = 4;
/** Longer than this, marked words are not a title; shorter, the words around them are read. */
export const MAX_TITLE_WORDS = 10;
const PREPOSITION_START =
  /^(in|on|at|of|for|to|from|by|with|about|over|under|after|before|into|im|am|auf|mit|von|zu|für|en|dans|sur|avec|pour|de|por|para|con|em|com)\s/i;

/** A span read in its paragraph, before deciding whether it is a quotation. */
export interface Found {
  quote: Quote;
  paragraphWords: number;
  continuesPrevious: boolean;
  /** A reporting verb follows the span as its attribution ("…,' she said."), stands near it, or is absent. */
  reportingVerb: 'follows' | 'near' | null;
  /** The span is a sentence of its own ("Her answer: 'Never again.'"), as speech is and a scare quote is not. */
  ownSentence: boolean;
}

/** Initials in marks ('Clarence "C.J." Stewart') are a name. */
const INITIALS = /^(\p{Lu}\.){2,}$/u;

/**
 * A title of a work or a name in marks ('The Lord of the Rings'), not speech. English copy puts the reporter's
 * comma or full stop inside the marks ("starred in 'The Long Road Home.'"), so one is ignored after two words or
 * more, unless a reporting verb follows ("'He's No Saint,' she said"). Where every noun is capitalised, one
 * capitalised word is no sign of a title, nor is that stop the copy's.
 */
function looksLikeTitle(item: Found, capitalisesNouns: boolean): boolean {
  const { text } = item.quote;
  if (INITIALS.test(text)) return true;
  const words = countWords(text);
  const strip = words >= 2 && !capitalisesNouns && item.reportingVerb !== 'follows';
  const bare = strip ? text.replace(/[,.]$/, '') : text;
  return (
    words <= MAX_TITLE_WORDS &&
    !(capitalisesNouns && words === 1) &&
    startsWithCapital(bare) &&
    !endsWithTerminalPunctuation(bare) &&
    !/[,;:]$/.test(bare) &&
    capitalisedShare(bare) >= 0.8
  );
}

/**
 * A short fragment ("called it 'besorgniserregend'") counts only when it is speech: a sentence of its own, or
 * followed by its attribution ("'Nobody knows,' she insisted"), or credited to someone and next to a reporting
 * verb. Otherwise it is a scare quote or a term, and one opening with a preposition inside the reporter's sentence
 * ("'in public'") qualifies that sentence.
 */
function spokenFragment(item: Found): boolean {
  if (item.ownSentence || item.reportingVerb === 'follows') return true;
  if (item.quote.speaker === null) return false;
  return item.reportingVerb !== null && !PREPOSITION_START.test(item.quote.text);
}

/** The quotations among the spans found, in paragraph order. */
export function keepQuotations(found: Found[], capitalisesNouns: boolean): Quote[] {
  const slotByKey = new Map<string, number>();
  const kept: Found[] = [];
  const earlierKeys: string[] = [];
  // A work's name set in marks once as a title ('"Fleabag" creator') is a title wherever the article repeats it.
  const titles = new Set(
    found.filter((item) => looksLikeTitle(item, capitalisesNouns)).map((item) => comparisonKey(item.quote.text)),
  );
  for (const item of found) {
    const { text } = item.quote;
    const key = comparisonKey(text);
    const short = countWords(text) < MIN_QUOTE_WORDS;
    // A fragment repeating part of an earlier quotation ('alleges he "broke the rules"' … 'the "rules"') points
    // back to it; it is not said again.
    const echo = short && earlierKeys.some((earlier) => ` ${earlier} `.includes(` ${key} `) && earlier !== key);
    earlierKeys.push(key);
    if ((short && !spokenFragment(item)) || echo || titles.has(key)) continue;
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
