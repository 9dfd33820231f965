/**
 * A German subject that gives a person's office before the name: "Der bayerische Finanzminister Rudolf Kanter
 * begründet das so: „…“", "Innenministerin Jana Roth hält dagegen: „…“". In German every noun is capitalised,
 * so the name is trusted only after a known role noun and when it opens with a given name.
 */
import { nameAt, type SpeakerPhrase } from './attribution.js';
import { isFirstName } from './first-names.js';
import { isGermanRole, nameRunLength } from './names.js';
import { isLowerCaseWord, type Token } from './tokens.js';

const ARTICLES = new Set(['Der', 'Die', 'der', 'die']);
/** "Der frühere saarländische Innenminister": at most this many adjectives before the role. */
const MAX_ADJECTIVES = 3;

/** The person named after a role at `start`, when a verb or a comma follows the name; else null. */
export function roleThenName(tokens: Token[], start: number): SpeakerPhrase | null {
  let k = ARTICLES.has(tokens[start]?.text ?? '') ? start + 1 : start;
  const adjectivesEnd = k + MAX_ADJECTIVES;
  while (k < adjectivesEnd && isLowerCaseWord(tokens[k])) k++;
  if (!isGermanRole(tokens[k]?.text ?? '')) return null;
  const nameStart = k + 1;
  const length = nameRunLength(tokens, nameStart);
  const after = tokens[nameStart + length];
  if (length < 2 || !isFirstName(tokens[nameStart]?.text ?? '')) return null;
  return isLowerCaseWord(after) || after?.text === ',' ? nameAt(tokens, nameStart, length) : null;
}
