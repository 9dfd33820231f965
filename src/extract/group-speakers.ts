/**
 * Groups that speak, named as written: '"Get down," police officers shouted', '"…," angry residents said'. A bare
 * plural noun, with at most two words before it, standing alone between the quotation and the verb: nobody
 * named, but a speaker all the same.
 */
import { isLowerCaseWord, type Token } from './tokens.js';

/** Plurals without an -s. */
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children']);
/** Words that tie the noun into a clause rather than describe it. */
const NOT_MODIFIERS = new Set(
  `a an the and or but to of that who which than as so if then there it its their his her our we they he she
  have has had was were is are be been will would could should may might did do does not no`.split(/\s+/),
);
const MAX_MODIFIERS = 2;

const isPlural = (word: string): boolean =>
  IRREGULAR_PLURALS.has(word) || (word.length >= 4 && word.endsWith('s') && !/(?:ss|us|is)$/u.test(word));

/** The group whose plural noun is at `k`, read back to the start of its phrase; null when it is no bare group. */
export function groupEndingAt(tokens: Token[], k: number): { type: 'description'; words: string[] } | null {
  if (!isLowerCaseWord(tokens[k]) || !isPlural(tokens[k]?.text ?? '')) return null;
  let start = k;
  while (
    start > 0 &&
    k - start < MAX_MODIFIERS &&
    isLowerCaseWord(tokens[start - 1]) &&
    !NOT_MODIFIERS.has(tokens[start - 1]?.text ?? '')
  )
    start--;
  // The phrase must open the window or follow punctuation: "…," residents said; not "more than residents said".
  if (start > 0 && tokens[start - 1]?.word) return null;
  if (tokens.slice(start, k + 1).some((token) => NOT_MODIFIERS.has(token.text))) return null;
  return { type: 'description', words: tokens.slice(start, k + 1).map((token) => token.text) };
}

const RELATIVES = new Set(['who', 'that']);
const MAX_CLAUSE_WORDS = 8;

/**
 * "said someone in the public who called into the meeting.": "someone" says little without its relative
 * clause, which is kept when it runs, words only, to the end of the sentence. The clause's words, or none.
 */
export function relativeClauseToEnd(tokens: Token[], at: number, end: number): string[] {
  if (!RELATIVES.has(tokens[at]?.text ?? '')) return [];
  let k = at + 1;
  while (k < end && k <= at + MAX_CLAUSE_WORDS && tokens[k]?.word) k++;
  const closes = k >= end || tokens[k]?.text === '.';
  return closes && k > at + 1 ? tokens.slice(at, k).map((token) => token.text) : [];
}
