/**
 * People a report brings in by given name and age, as vox-pops do: "Lucas, 29 ans, vacataire", "Marta, de 34
 * años", "João, 40 anos", "Jana (34)", or "… avec Inès. Cette étudiante de 21 ans …". A pronoun after the quotation
 * ("soupire-t-elle", "dijo ella") stands for the one such person the paragraph brought in before it.
 */
import { firstNameGender } from './first-names.js';
import { PRONOUN_GENDER } from './lexicon.js';
import type { NameBook } from './name-book.js';
import { isNeverAName, type NamedEntity } from './names.js';

const NAME = String.raw`(?<!\p{Lu}[\p{L}-]*\s)(?<![\p{L}-])(\p{Lu}[\p{Ll}]+(?:-\p{Lu}[\p{Ll}]+)?)\*?`;
const YEARS = String.raw`(?:ans|años|anos|Jahre)\b`;
/** "Lucas, 29 ans", "Marta, de 34 años", "Jana (34)". The lookbehind refuses a surname ("Anna Berg, 40 ans"). */
const BY_AGE = new RegExp(String.raw`${NAME}\s*(?:,\s*(?:de\s+)?\d{1,3}\s*${YEARS}|\(\d{1,3}\))`, 'gu');
/** "… avec Inès. Cette étudiante de 21 ans …": the name ends a sentence the next one describes with an age. */
const DESCRIBED_NEXT = new RegExp(
  String.raw`${NAME}\.\s+(?:Cette|Ce|Cet|Esta|Este|Essa|Esse|Die|Der)\s[^.!?]{0,40}?(?:\d{1,3}\s*${YEARS}|\d{1,3}-Jährige)`,
  'gu',
);

/** An age as the patterns above write it, somewhere. */
const AN_AGE = new RegExp(String.raw`\d\s*${YEARS}|\(\d{1,3}\)|\d-Jährige`, 'u');

/** The people `text` brings in by given name and age before `offset`, each once, first first. */
function introducedBefore(text: string, offset: number, book: NameBook): NamedEntity[] {
  const head = text.slice(0, offset);
  // Most paragraphs give no age: one quick look spares the patterns' scan of the whole paragraph.
  if (!AN_AGE.test(head)) return [];
  const found = new Map<string, NamedEntity>();
  for (const pattern of [BY_AGE, DESCRIBED_NEXT])
    for (const match of head.matchAll(pattern)) {
      const word = match[1] ?? '';
      if (isNeverAName(word) || found.has(word)) continue;
      found.set(word, book.personBySurname(word) ?? { name: word, kind: 'person', gender: firstNameGender(word) });
    }
  return [...found.values()];
}

/**
 * The one person the paragraph brought in by given name and age before `offset` whom the pronoun fits (a name of
 * unknown gender fits both), else null.
 */
export function voxPopFor(pronoun: string, text: string, offset: number, book: NameBook): NamedEntity | null {
  const gender = PRONOUN_GENDER.get(pronoun);
  if (!gender) return null;
  const people = introducedBefore(text, offset, book).filter((person) => (person.gender ?? gender) === gender);
  return people.length === 1 ? (people[0] ?? null) : null;
}
