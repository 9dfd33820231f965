/**
 * "Pour la toxicologue, « … »", "Para ele, o indulto deve ser \"…\"", "Für ihn ist das „…“": a sentence that opens
 * with "for X," gives X's view, and the quotation in it is X's words, as after "selon X".
 */
import { phraseAt, type SpeakerPhrase } from './attribution.js';
import type { Gender } from './names.js';
import type { Token } from './tokens.js';

const FOR = new Set(['Pour', 'Para', 'Für']);
/** The pronouns "for" takes, which are not subject pronouns: "pour lui", "für ihn". */
const OBJECT_PRONOUNS = new Map<string, Gender>([
  ['lui', 'male'],
  ['ihn', 'male'],
  ['ele', 'male'],
  ['él', 'male'],
  ['elle', 'female'],
  ['ela', 'female'],
  ['ella', 'female'],
]);
/** The comma that ends "Pour la toxicologue," comes within this many tokens. */
const MAX_TOKENS = 6;

/** The holder of the view a sentence opens with ("Pour la toxicologue,"), from its first tokens; else null. */
export function opinionHolder(tokens: Token[]): SpeakerPhrase | null {
  const start = tokens.findIndex((token) => token.word);
  if (!FOR.has(tokens[start]?.text ?? '')) return null;
  const comma = tokens.findIndex((token, k) => k > start + 1 && k <= start + MAX_TOKENS && token.text === ',');
  if (comma < 0) return null;
  const word = tokens[start + 1]?.text ?? '';
  const gender = OBJECT_PRONOUNS.get(word);
  if (gender) return comma === start + 2 ? { type: 'pronoun', pronoun: gender === 'male' ? 'he' : 'she' } : null;
  const phrase = phraseAt(tokens.slice(0, comma), start + 1);
  return phrase?.type === 'name' || phrase?.type === 'definite' ? phrase : null;
}
