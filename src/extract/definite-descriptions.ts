/**
 * Definite descriptions of a speaker: "the speaker", "der junge Polizist", "cette source gouvernementale",
 * "el secretario general". They stand for someone the article brought in before; speaker-resolution.ts finds
 * whom (an earlier description with the same noun, else the person heard just before), or nobody.
 */
import { isFirstName } from './first-names.js';
import { isTitle, ORGANISATION_ROLES } from './names.js';
import { isCapitalised, isLowerCaseWord, type Token } from './tokens.js';

/** Definite articles and demonstratives that open a description (compared in lower case). */
const DEFINITE = new Set(`the this that der die das den dem le la cette ce cet el este esta esse essa`.split(/\s+/));
/** Portuguese articles, definite only in Portuguese ("a" is English's indefinite, French's "has"). */
const PORTUGUESE_DEFINITE = new Set(`o a`.split(/\s+/));
let portuguese = false;
/** Set by setAttributionLanguage for the article being read (extraction is synchronous). */
export function setDefiniteLanguage(lang: string): void {
  portuguese = lang === 'pt';
}
const isDefinite = (word: string): boolean => DEFINITE.has(word) || (portuguese && PORTUGUESE_DEFINITE.has(word));
/** Words that end a description: prepositions, conjunctions, relative pronouns. */
const ENDS = new Set(
  `of in at for with from by on to who which that whose and or but as after before when while about
  von vom zum zur im am bei mit aus nach für gegenüber und oder der die das den dem des
  de du des par pour dans sur avec en et ou qui que dont à au aux lors
  del por para con y quien al ante desde
  do da dos das no na em com e ao pelo pela`.split(/\s+/),
);
const MAX_WORDS = 4;
/** German indefinite articles that open a described subject ("Ein junger Polizist wird knallrot"). */
const GERMAN_INDEFINITE = new Set(`ein eine einer einige mehrere manche viele`.split(/\s+/));

export interface DefinitePhrase {
  type: 'definite';
  /** As written, article included: "cette source gouvernementale". */
  words: string[];
}

/**
 * The description opened by the article at `start`, up to `end` (exclusive) at most: lower-case words (and, in
 * a language that capitalises nouns, capitalised words that are no given name). Null when a name follows
 * ("the chief executive Tom Ashby"), when nothing follows the article, or when it runs past four words.
 */
export function definiteAt(
  tokens: Token[],
  start: number,
  nounsCapitalised: boolean,
  end = tokens.length,
): DefinitePhrase | null {
  if (!tokens[start]?.word || !isDefinite(tokens[start]?.text.toLowerCase() ?? '')) return null;
  let i = start + 1;
  for (; i < end; i++) {
    const token = tokens[i];
    // Spanish "a" is a preposition, French "a" an auxiliary: both end the description; Portuguese "a" is an article.
    if (!token?.word || ENDS.has(token.text.toLowerCase()) || (token.text === 'a' && !portuguese)) break;
    // "the 45-year-old" opens with a digit.
    const noun =
      isLowerCaseWord(token) ||
      /^\d/u.test(token.text) ||
      (nounsCapitalised && /^\p{Lu}\p{Ll}/u.test(token.text) && !isFirstName(token.text)) ||
      (isTitle(token.text) && !isCapitalised(tokens[i + 1]));
    if (!noun || i - start > MAX_WORDS) return null;
    // German: lower-case adjectives, then the capitalised noun that ends the phrase ("der junge Polizist").
    if (nounsCapitalised && !isLowerCaseWord(token)) {
      i++;
      break;
    }
  }
  if (nounsCapitalised && !/^\p{Lu}/u.test(tokens[i - 1]?.text ?? '')) return null;
  // "the company", "the spokesman" stand for an organisation: attribution.ts reads those.
  if (i === start + 1 || isCapitalised(tokens[i]) || ORGANISATION_ROLES.has(tokens[i - 1]?.text ?? '')) return null;
  return { type: 'definite', words: tokens.slice(start, i).map((token) => token.text) };
}

/** The description that ends at `last` (inclusive), read back to its article: "El investigador asegura". */
export function definiteEndingAt(tokens: Token[], last: number, nounsCapitalised: boolean): DefinitePhrase | null {
  for (let start = last - 1; start >= Math.max(0, last - MAX_WORDS); start--) {
    if (!tokens[start]?.word) return null;
    if (!isDefinite(tokens[start]?.text.toLowerCase() ?? '')) continue;
    const phrase = definiteAt(tokens, start, nounsCapitalised, last + 1);
    return phrase && phrase.words.length === last - start + 1 ? phrase : null;
  }
  return null;
}

/** A word's first five letters in lower case: "junge" and "junger", "Polizist" and "Polizisten" compare equal. */
const stem = (word: string): string => word.toLowerCase().slice(0, 5);

/**
 * Whether two descriptions share a noun or adjective of five letters or more ("cette source gouvernementale" and
 * "une source gouvernementale"), or a compound's head ("der Konzern-Sprecher" and "ein Sprecher"), the article or
 * determiner aside.
 */
export function shareAWord(definite: string[], earlier: string[]): boolean {
  const words = earlier.slice(1).filter((word) => word.length >= 5);
  const stems = new Set(words.map(stem));
  return definite
    .slice(1)
    .some(
      (word) => word.length >= 5 && (stems.has(stem(word)) || words.some((other) => sameCompoundHead(word, other))),
    );
}

/** A compound's head is its last part: "der Konzern-Sprecher", "der Konzernsprecher" and "ein Sprecher" share one. */
function sameCompoundHead(word: string, other: string): boolean {
  const [longer, shorter] = word.length >= other.length ? [word, other] : [other, word];
  const head = shorter.toLowerCase();
  return head.length >= 6 && longer.length > head.length && longer.toLowerCase().endsWith(head);
}

/**
 * A German described subject at `start`: "Ein junger Polizist wird knallrot …", read to its capitalised noun (in
 * German the noun ends the phrase, so the words after it are not swallowed). Null in other languages.
 */
export function describedSubjectAt(
  tokens: Token[],
  start: number,
  nounsCapitalised: boolean,
): { type: 'description'; words: string[] } | null {
  if (!nounsCapitalised || !GERMAN_INDEFINITE.has(tokens[start]?.text.toLowerCase() ?? '')) return null;
  const article = tokens[start];
  const read = article
    ? definiteAt([{ ...article, text: 'der' }, ...tokens.slice(start + 1, start + 6)], 0, true)
    : null;
  return read
    ? { type: 'description', words: tokens.slice(start, start + read.words.length).map((t) => t.text) }
    : null;
}

/** The lower-case words of an English description after its "the" ("The church has responded" → church, …). */
export const englishNouns = (words: string[]): string[] =>
  words[0]?.toLowerCase() === 'the' ? words.slice(1).filter((word) => /^[\p{Ll}\d]/u.test(word)) : [];

/**
 * Offices one person holds at a time: "the former mayor" is someone the article has named, where "the farmer"
 * may well be somebody new.
 */
const OFFICES = new Set(
  `president mayor governor senator chancellor premier speaker minister secretary judge sheriff ambassador
  commissioner chairman chairwoman chair pope bishop archbishop congressman congresswoman coach director
  prosecutor chief captain commander leader superintendent inspector coroner manager`.split(/\s+/),
);

/** The offices an English description names: "the former mayor" → mayor. */
export const officesIn = (words: string[]): string[] => englishNouns(words).filter((word) => OFFICES.has(word));

/** "the former mayor", "the speaker", "the 45-year-old": an English description that stands for a known person. */
export const describesAPerson = (words: string[]): boolean =>
  officesIn(words).length > 0 || englishNouns(words).some((word) => /^\d+-year-old$/u.test(word));
