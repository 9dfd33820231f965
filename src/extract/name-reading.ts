/**
 * Reading one text for names: the capitalised runs that are people or organisations, and the words that stood
 * capitalised inside a sentence (proper nouns). Pure, so readings can be shared between books.
 */
import {
  isGermanRole,
  isTitle,
  nameRunLength,
  ORGANISATION_ROLES,
  readName,
  SPOKESPERSON_ROLES,
  type NamedEntity,
} from './names.js';
import { isFirstName } from './first-names.js';
import { FOREIGN_ORGANISATION_NOUNS } from './lexicon.js';
import { withPluralPossessive } from './plural-possessive-names.js';
import { isProductName } from './product-names.js';
import { isCapitalised, isLowerCaseWord, tokenize, type Token } from './tokens.js';

/** Only the start of a very long paragraph is read for names: enough for any article, bounded for hostile input. */
const MAX_REGISTER_CHARS = 20_000;

const PREPOSITIONS = new Set(`at of for in with from on to by and that which who`.split(/\s+/));
// "a leading force in …" describes a person as often as a body, so "force" alone says nothing.
const isOrganisationNoun = (token: Token | undefined): boolean =>
  token !== undefined &&
  ((ORGANISATION_ROLES.has(token.text) && !SPOKESPERSON_ROLES.has(token.text) && token.text !== 'force') ||
    FOREIGN_ORGANISATION_NOUNS.has(token.text));

/**
 * Whether the words around a name say it is an organisation: "the energy firm Calder Petroleum",
 * "the ferry operator, Firth Crossings", "Nimbus Cloud, one of the largest providers".
 */
function describedAsOrganisation(tokens: Token[], start: number, end: number): boolean {
  // "the ferry operator, Firth Crossings, said": an appositive closed by a comma ("office, Audrey Quantano said"
  // only ends a clause).
  const afterComma = tokens[start - 1]?.text === ',';
  const before = afterComma ? tokens[start - 2] : tokens[start - 1];
  if (isOrganisationNoun(before) && (!afterComma || tokens[end]?.text === ',')) return true;
  if (tokens[end]?.text !== ',') return false;
  let i = end + 1;
  if (tokens[i]?.text === 'one' && tokens[i + 1]?.text === 'of') i += 2;
  if (!['a', 'an', 'the'].includes(tokens[i]?.text ?? '')) return false;
  for (let j = i + 1; j < i + 5 && isLowerCaseWord(tokens[j]) && !PREPOSITIONS.has(tokens[j]?.text ?? ''); j++) {
    if (isOrganisationNoun(tokens[j])) return true;
  }
  return false;
}

const NOT_PERSON_ROLES = new Set(
  `which that one a an the its whose and or said says told added announced has had have was is were are will would
  could can may might also confirmed warned`.split(/\s+/),
);

/** "Tahir Chaudhry, president of …", "…, who runs": an appositive that describes a person. */
function followedByPersonRole(tokens: Token[], end: number): boolean {
  return (
    tokens[end]?.text === ',' && isLowerCaseWord(tokens[end + 1]) && !NOT_PERSON_ROLES.has(tokens[end + 1]?.text ?? '')
  );
}

const withoutPossessive = (word: string): string[] => {
  const bare = word.replace(/['’]s?$/u, '');
  return bare === word || bare === '' ? [word] : [word, bare];
};

/** What registering one text adds to a book: the proper nouns seen and the names to remember, in order. */
export interface Reading {
  properNouns: string[];
  entities: NamedEntity[];
  /** Offices written with a person's name ("Mayor Dan Reyes", "former mayor Dan Reyes"), title in lower case. */
  titles: { title: string; name: string }[];
}

/** The titles in the run before the name, and a lower-case title just before the run ("former mayor Dan Reyes"). */
function noteTitles(tokens: Token[], start: number, end: number, name: string, titles: Reading['titles']): void {
  const first = name.split(' ')[0] ?? '';
  for (let j = start - 1; j < end && tokens[j]?.text !== first; j++) {
    const word = tokens[j]?.text ?? '';
    if (j === start - 1 && !isLowerCaseWord(tokens[j])) continue;
    if (isTitle(word[0]?.toUpperCase() + word.slice(1))) titles.push({ title: word.toLowerCase(), name });
  }
}

/**
 * Reads a text for names. Pure: the same text gives the same reading in any book of the same language, so the
 * whole-article book reuses the readings of the paragraphs the article's book has already read (issue 10).
 */
export function readNames(text: string, capitalisesNouns: boolean | undefined): Reading {
  const reading: Reading = { properNouns: [], entities: [], titles: [] };
  const tokens = tokenize(text.slice(0, MAX_REGISTER_CHARS));
  // A line in Title Case ("Early Action Saves Lives") is a heading: its capitals say nothing about names.
  const words = tokens.filter((token) => token.word);
  // A sentence ending in a stop is no heading: German capitalises every noun ("Der Philosoph Richard David
  // Precht spricht über Arbeit.").
  const sentence = /[.!?…]["”“»«]?\s*$/u.test(text.slice(-4));
  if (!sentence && words.length >= 2 && words.filter(isCapitalised).length / words.length > 0.7) return reading;
  for (let i = 0; i < tokens.length;) {
    const length = nameRunLength(tokens, i);
    if (length === 0) {
      i++;
      continue;
    }
    const previous = tokens[i - 1];
    // "President Bush's tour" shows "Bush" capitalised mid-sentence as well as "Bush's".
    for (let j = previous?.word || previous?.text === ',' ? i : i + 1; j < i + length; j++)
      reading.properNouns.push(...withoutPossessive(tokens[j]?.text ?? ''));
    // "Secretary of State Condoleezza Rice": the office's object ("State") opens the run but is not the name.
    const office = tokens[i - 1]?.text === 'of' && isTitle(tokens[i - 2]?.text ?? '') && length >= 3 ? 1 : 0;
    const entity = readName(tokens.slice(i + office, i + length).map((token) => token.text));
    const person = entity?.kind === 'person';
    // German capitalises every noun: a run is a person only with a given name we know, or two or three words
    // after a role ("Sportchef Zoran Barisic", "Grünen-Politikerin Ana Kovač").
    const rest = tokens.slice(i + office + 1, i + length).map((token) => token.text);
    const afterRole =
      isGermanRole(tokens[i + office]?.text ?? '') &&
      entity?.name === rest.join(' ') &&
      (rest.length === 2 || rest.length === 3);
    if (entity && person && capitalisesNouns && !isFirstName(entity.name.split(' ')[0] ?? '') && !afterRole) {
      i += length;
      continue;
    }
    // "Yulia Tymoshenko, a leading force in …" is still a person: a given name outweighs the description.
    const described =
      describedAsOrganisation(tokens, i, i + length) &&
      !isFirstName(entity?.name.split(' ')[0] ?? '') &&
      !followedByPersonRole(tokens, i + length);
    // "the Citizens’ Independent Transportation Trust": a plural possessive opens the organisation's name.
    const owned = entity ? withPluralPossessive(tokens, i + office, entity) : null;
    if (owned && reading.entities.at(-1)?.name === tokens[i + office - 2]?.text) reading.entities.pop();
    if (owned) reading.entities.push(owned);
    if (owned || (entity && isProductName(tokens, i + office, i + length))) {
      i += length;
      continue;
    }
    if (entity) reading.entities.push(described ? { ...entity, kind: 'organisation' } : entity);
    if (entity?.kind === 'person' && !described) noteTitles(tokens, i, i + length, entity.name, reading.titles);
    i += length;
  }
  return reading;
}
