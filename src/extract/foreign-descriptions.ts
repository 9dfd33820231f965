/**
 * Definite descriptions of a speaker in German, French, Spanish and Portuguese that the earlier passes could not
 * resolve: "sagt der Niederländer" after the Dutchman spoke, "indicó el diplomático" after "un alto funcionario …
 * aclaró", "diz a moça" after "Conforme a prima da jovem". Asked last, for a description only; when unsure, null.
 */
import type { NameBook } from './name-book.js';
import type { NamedEntity } from './names.js';
import { articleGender, isPersonNoun } from './person-nouns.js';

/** Nouns of one who speaks for a body: "der Sprecher", "le porte-parole", "el portavoz", "o porta-voz". */
const SPOKESPERSON = new Set(`Sprecher Sprecherin porte-parole portavoz porta-voz`.split(' '));

/**
 * Nouns that stand for a body, with the words its name is written with: "precisó el organismo" after "la
 * Organización Hidrográfica Regional", "a indiqué le ministère" after "le Ministère de la Santé".
 */
const BODIES = new Map<string, string[]>([
  ['organismo', ['Organismo', 'Organización']],
  ['organización', ['Organización']],
  ['ministerio', ['Ministerio']],
  ['agencia', ['Agencia']],
  ['instituto', ['Instituto']],
  ['organisme', ['Organisme', 'Organisation']],
  ['organisation', ['Organisation']],
  ['ministère', ['Ministère']],
  ['agence', ['Agence']],
  ['órgão', ['Órgão', 'Organização']],
  ['organização', ['Organização']],
  ['ministério', ['Ministério']],
  ['agência', ['Agência']],
]);

const nouns = (words: string[]): string[] => words.slice(1);

/** "el organismo", "o ministério": a description of a body, which no person heard before can be. */
export const standsForABody = (words: string[]): boolean => nouns(words).some((word) => BODIES.has(word));

/** What the paragraph said before the quotation, as far as this pass needs it. */
export interface BeforeTheQuotation {
  /** Whether the paragraph named a known person other than `name` before the quotation. */
  namedOtherThan(name: string): boolean;
}

/** The speaker a foreign definite description stands for, or null. */
export function foreignDescribedSpeaker(
  words: string[],
  book: NameBook,
  before: BeforeTheQuotation,
): NamedEntity | null {
  const body = nouns(words).flatMap((word) => BODIES.get(word) ?? []);
  // "precisó el organismo": the body the article named with that word, and never a person or a description.
  if (body.length > 0) return body.map((word) => book.organisationCalled(word)).find((found) => found) ?? null;
  const gender = articleGender(words[0]);
  const person = book.lastPerson(gender, 1);
  // "sagt der Niederländer", "s'inquiète la vieille dame": a noun of a person, for the person heard just before when
  // the paragraph has named nobody else since; not a spokesperson, who speaks for a body.
  const spokesperson = nouns(words).some((word) => SPOKESPERSON.has(word));
  if (!spokesperson && nouns(words).some(isPersonNoun) && person !== null && !before.namedOtherThan(person.name))
    return person;
  // "indicó el diplomático" after "un alto funcionario … aclaró": the one description heard in this paragraph or the
  // one before, when its article carries the same gender and no person has spoken since.
  const described = gender === null ? null : book.lastDescription((earlier) => articleGender(earlier[0]) === gender, 1);
  if (described !== null && person === null) return described;
  // "sagt der Sprecher" with no body or person to speak for: the description as written.
  if (person === null && spokesperson) return { name: words.join(' '), kind: 'description', gender: null };
  return null;
}

/** Definite articles of the other languages, for descriptions read as sentence subjects. */
const FOREIGN_DEFINITE = new Set(`der die le la el o a`.split(' '));

/**
 * The person a described subject stands for when it opens a sentence: "Conocida …, la abogada … sostiene que …"
 * after the lawyer spoke is the lawyer again, heard here for a later "recalcó". Null unless the noun is a
 * person's and someone of that gender was heard in this paragraph or the one before.
 */
export function personDescribedAsSubject(words: string[], book: NameBook): NamedEntity | null {
  if (!FOREIGN_DEFINITE.has(words[0]?.toLowerCase() ?? '') || !nouns(words).some(isPersonNoun)) return null;
  return book.lastPerson(articleGender(words[0]), 1);
}
