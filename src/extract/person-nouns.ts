/**
 * Nouns of people in German, French, Spanish and Portuguese, and the gender a description's article gives:
 * "der Niederländer", "la vieille dame", "la abogada", "a moça". Used to tell a description of a person from one
 * of a thing or a body.
 */
import { DESCRIPTION_GENDER, FOREIGN_ORGANISATION_NOUNS } from './lexicon.js';
import { isGermanRole, type Gender } from './names.js';

/** The gender the article or demonstrative of a description gives it. Not German "die", also a plural. */
const ARTICLE_GENDER = new Map<string, Gender>([
  ...DESCRIPTION_GENDER,
  ...`der le el o ce cet este esse`.split(' ').map((word): [string, Gender] => [word, 'male']),
  ...`la cette esta essa a`.split(' ').map((word): [string, Gender] => [word, 'female']),
]);

/** The gender a description's first word gives it, or null. */
export const articleGender = (word: string | undefined): Gender | null =>
  ARTICLE_GENDER.get(word?.toLowerCase() ?? '') ?? null;

/**
 * Nouns of people by their ending: "Franzose", "Polizist", "Vertreter", "Beamte". Not offices ("Ministerin"), which
 * the role book reads from how the article brought the person in.
 */
const GERMAN_PERSON =
  /(?:er|erin|in|ist|istin|ent|entin|ant|antin|or|orin|eur|eurin|ling|ose|osin|oge|ogin|ege|amte|ete)$/u;
/** French, Spanish and Portuguese nouns of people, and endings that make one. */
const ROMANCE_PEOPLE = new Set(
  `femme homme dame fille garçon mère père frère sœur témoin
  mujer hombre chica chico joven madre padre hermano hermana testigo
  mulher homem garota garoto moça rapaz jovem mãe pai irmão irmã testemunha parlamentar`.split(/\s+/),
);
const ROMANCE_PERSON =
  /(?:eur|euse|rice|iste|ien|ienne|ier|ière|ante|ario|aria|ário|ária|ador|adora|ista|ero|era|eiro|eira)$/u;

/** A lower-case French, Spanish or Portuguese noun of a person: "dame", "abogada", "vereador". */
export const isRomancePersonNoun = (word: string): boolean =>
  ROMANCE_PEOPLE.has(word) || (word.length > 4 && ROMANCE_PERSON.test(word));

/** A noun of a person in any of the four languages, German's capitalised. */
export const isPersonNoun = (word: string): boolean =>
  !FOREIGN_ORGANISATION_NOUNS.has(word) &&
  (/^\p{Lu}/u.test(word) ? !isGermanRole(word) && GERMAN_PERSON.test(word) : isRomancePersonNoun(word));
