/**
 * Spanish and Portuguese drop the subject pronoun: "Y remató: «…»", "E completou: “…”" say "and he (or she)
 * added", so the speaker is whoever spoke last. English says "he added", which the pronoun pass reads.
 */
import { isReportingVerb } from './attribution.js';
import { isNeverAName } from './names.js';
import { isLowerCaseWord, type Token } from './tokens.js';

/** At most this many words, verb included, before the colon: "Y luego remató:". */
const MAX_WORDS = 3;

/**
 * Whether the words before a quotation in its sentence are only a reporting verb and its colon, after at most a
 * conjunction or an adverb: "Y remató:", "Luego añadió:", "E completou:".
 */
export function isBareVerbBeforeColon(tokens: Token[]): boolean {
  const shown = tokens.filter((token) => token.text.trim() !== '');
  if (shown.at(-1)?.text !== ':') return false;
  const words = shown.filter((token) => token.word);
  if (words.length === 0 || words.length > MAX_WORDS || shown.length !== words.length + 1) return false;
  return (
    isReportingVerb(words.at(-1)) &&
    words.slice(0, -1).every((word) => isLowerCaseWord(word) || isNeverAName(word.text))
  );
}
