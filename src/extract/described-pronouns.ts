/**
 * A pronoun for someone the paragraph described rather than named: "Eine Frau kommt über die Brücke. Sie findet das
 * ungewohnt: „…“". The pronoun passes look for people; this one, asked only when they found nobody and the
 * paragraph has named no person before the quotation, takes the description heard in this paragraph whose article
 * carries the pronoun's gender.
 */
import { DESCRIPTION_GENDER, PRONOUN_GENDER } from './lexicon.js';
import type { NameBook } from './name-book.js';
import type { NamedEntity } from './names.js';

export function describedSpeakerFor(pronoun: string, book: NameBook): NamedEntity | null {
  // "«…», diz em áudio": a dropped subject continues the description heard in this paragraph or the one before,
  // when no person has spoken since.
  if (pronoun === '') return book.lastPerson(null, 1) === null ? book.lastDescription(() => true, 1) : null;
  const gender = PRONOUN_GENDER.get(pronoun);
  if (!gender) return null;
  return book.lastDescription((words) => DESCRIPTION_GENDER.get(words[0]?.toLowerCase() ?? '') === gender, 0);
}
