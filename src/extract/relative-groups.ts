/**
 * "…, former members who have said to me, '…'": a group brought in by a restrictive relative clause whose verb
 * reports the quotation. The group speaks, as written: the plural noun and at most two lower-case words before it.
 */
import { isCapitalised, isLowerCaseWord, type Token } from './tokens.js';

/** Words that tie the noun into a clause rather than describe it. */
const NOT_MODIFIERS = new Set(
  `a an the and or but to of that who which than as so if then there it its their his her our we they he she
  have has had was were is are be been will would could should may might did do does not no many some all most
  these those such other`.split(/\s+/),
);
const MAX_MODIFIERS = 2;
/** Plurals without an -s. */
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children']);

/** "members", "Democrats": a plural noun, capitalised or not (not "Jones", "Reeves" after a given name). */
const isPluralNoun = (token: Token | undefined): boolean => {
  const word = token?.text ?? '';
  const plural =
    IRREGULAR_PLURALS.has(word) || (word.length >= 5 && /[^su]s$/u.test(word) && !/(?:ss|us|is)$/u.test(word));
  return (
    plural && (isLowerCaseWord(token) || (isCapitalised(token) && /\p{Ll}ists$|\p{Ll}ans$|\p{Ll}ats$/u.test(word)))
  );
};

/**
 * The group a "who" at `who` stands for, read back from it: "former members", "local Democrats". Null unless the
 * group opens the window or follows punctuation, so that "met members who said" leaves the verb to its sentence.
 */
export function groupBeforeRelative(tokens: Token[], who: number): { type: 'description'; words: string[] } | null {
  if (tokens[who]?.text !== 'who' || !isPluralNoun(tokens[who - 1])) return null;
  let start = who - 1;
  while (
    start > 0 &&
    who - 1 - start < MAX_MODIFIERS &&
    isLowerCaseWord(tokens[start - 1]) &&
    !NOT_MODIFIERS.has(tokens[start - 1]?.text ?? '')
  )
    start--;
  if (start > 0 && tokens[start - 1]?.word) return null;
  return { type: 'description', words: tokens.slice(start, who).map((token) => token.text) };
}
