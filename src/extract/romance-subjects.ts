/**
 * French and Spanish sentence subjects that the general reading misses: one described by a noun of a person, whose
 * words run on into the verb ("la vieille dame s'agace pourtant : « … »"), and one after an opening participle
 * clause ("Installée sur un banc du parc, la vieille dame …", "Conocida por sus fallos …, la jueza …").
 */
import type { DefinitePhrase } from './definite-descriptions.js';
import { isRomancePersonNoun } from './person-nouns.js';
import { isCapitalised, isLowerCaseWord, type Token } from './tokens.js';

/** French and Spanish definite articles that open a described subject ("la vieille dame"); not "a", English's too. */
const ROMANCE_DEFINITE = new Set(`le la el`.split(' '));
/** "la vieille dame": at most this many adjectives before the noun. */
const MAX_ADJECTIVES = 2;

/** The subject at `start` described by a noun of a person, read to that noun; null otherwise. */
export function romancePersonSubjectAt(tokens: Token[], start: number): DefinitePhrase | null {
  if (!ROMANCE_DEFINITE.has(tokens[start]?.text.toLowerCase() ?? '')) return null;
  for (let k = start + 1; k <= start + 1 + MAX_ADJECTIVES && isLowerCaseWord(tokens[k]); k++) {
    // "el senador Lasier Martins": a name after the noun is the subject, for the other readings.
    if (isCapitalised(tokens[k + 1])) return null;
    if (isRomancePersonNoun(tokens[k]?.text ?? ''))
      return { type: 'definite', words: tokens.slice(start, k + 1).map((token) => token.text) };
  }
  return null;
}

/** "Installée sur un banc, …", "Conocida por sus fallos, …": a participle that opens a sentence. */
const OPENING_PARTICIPLE = /^\p{Lu}\p{Ll}+(?:ée?s?|ado|ada|ados|adas|ido|ida|idos|idas)$/u;
/** The participle clause runs to its comma within this many tokens. */
const MAX_CLAUSE_TOKENS = 30;

/** Where the subject starts after an opening participle clause, else `start`. */
export function afterParticipleClause(tokens: Token[], start: number): number {
  if (!OPENING_PARTICIPLE.test(tokens[start]?.text ?? '')) return start;
  const comma = tokens.findIndex((token, k) => k > start + 1 && k <= start + MAX_CLAUSE_TOKENS && token.text === ',');
  return comma > 0 && tokens.slice(start, comma).every((token) => token.word || token.text === '-') ? comma + 1 : start;
}
