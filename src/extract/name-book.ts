/**
 * What the article has said about people and organisations so far: the full names it has used (so a later
 * "Doucet" or "Mr Ashby" becomes "Lyse Doucet" / "Tom Ashby") and who spoke last (so "she" and
 * "the company" find their speaker). Filled in reading order, so a name resolves only to what came before.
 */
import {
  isGermanRole,
  isTitle,
  nameRunLength,
  ORGANISATION_ROLES,
  readName,
  SPOKESPERSON_ROLES,
  type Gender,
  type NamedEntity,
} from './names.js';
import { isFirstName } from './first-names.js';
import { isCapitalised, isLowerCaseWord, tokenize, type Token } from './tokens.js';

/** Only the start of a very long paragraph is read for names: enough for any article, bounded for hostile input. */
const MAX_REGISTER_CHARS = 20_000;

export interface NameBook {
  /** Records every multi-word person and every organisation named in `text`. */
  registerNames(text: string): void;
  /** Surname → full name used earlier, and the gender any title gave it. */
  resolve(entity: NamedEntity): NamedEntity;
  /** Records that this entity spoke (or was reported speaking), for later pronouns and roles. */
  noteSpeaker(entity: NamedEntity): void;
  /**
   * The last person who spoke whose gender does not contradict the pronoun's; null when that person was last
   * heard more than `maxAge` paragraphs ago (a pronoun does not reach back across several paragraphs).
   */
  lastPerson(gender: Gender | null, maxAge?: number): NamedEntity | null;
  /** Marks the start of the next paragraph, for the age of mentions. */
  startParagraph(): void;
  /** The last organisation that spoke, else the last one named. */
  lastOrganisation(maxAge?: number, orLoneName?: boolean): NamedEntity | null;
  /** Whether the word stood capitalised inside a sentence somewhere: a proper noun, not a sentence opener. */
  isProperNoun(word: string): boolean;
  /** Whether `resolve` found this person among the full names the article uses. */
  isKnownPerson(name: string): boolean;
  /** The full person names registered so far. */
  fullNameList(): string[];
  /** The known person a capitalised word names by surname ("Weikert" → "Thomas Weikert"), if any. */
  personBySurname(word: string): NamedEntity | null;
  /** Whether this person was heard speaking in the current paragraph. */
  heardThisParagraph(name: string): boolean;
}

/** Options of a name book: in languages that capitalise nouns, only runs with a given name are people. */
export interface NameBookOptions {
  capitalisesNouns?: boolean;
  /**
   * The whole article, read (once, only when needed) for a full name used after its surname: labels and readers
   * give "George W. Bush" for a "Bush" whose full name the article prints further down.
   */
  wholeText?: () => string[];
}

const PREPOSITIONS = new Set(`at of for in with from on to by and that which who`.split(/\s+/));
// "a leading force in …" describes a person as often as a body, so "force" alone says nothing.
const isOrganisationNoun = (token: Token | undefined): boolean =>
  token !== undefined &&
  ORGANISATION_ROLES.has(token.text) &&
  !SPOKESPERSON_ROLES.has(token.text) &&
  token.text !== 'force';

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

const isAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
};

/** What registering one text adds to a book: the proper nouns seen and the names to remember, in order. */
interface Reading {
  properNouns: string[];
  entities: NamedEntity[];
}

/**
 * Reads a text for names. Pure: the same text gives the same reading in any book of the same language, so the
 * whole-article book reuses the readings of the paragraphs the article's book has already read (issue 10).
 */
function readNames(text: string, capitalisesNouns: boolean | undefined): Reading {
  const reading: Reading = { properNouns: [], entities: [] };
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
    for (let j = previous?.word || previous?.text === ',' ? i : i + 1; j < i + length; j++)
      reading.properNouns.push(tokens[j]?.text ?? '');
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
    if (entity) reading.entities.push(described ? { ...entity, kind: 'organisation' } : entity);
    i += length;
  }
  return reading;
}

/** A new, empty book for one article. */
export function createNameBook(options: NameBookOptions = {}): NameBook {
  return bookWith(options, new Map());
}

/** A book whose text readings are shared with the article's other book (the whole-article one). */
function bookWith(options: NameBookOptions, readings: Map<string, Reading>): NameBook {
  const properNouns = new Set<string>();
  const fullNames: NamedEntity[] = [];
  const genders = new Map<string, Gender>();
  const speakers: NamedEntity[] = [];
  /** The paragraph each entry of `speakers` was heard in. */
  const heardIn: number[] = [];
  let paragraph = 0;
  const organisations: NamedEntity[] = [];

  // "Murátov" after "Dmitry Muratov": transliterated surnames gain or lose accents between sentences.
  const surname = (name: string): string => {
    const last = name.slice(name.lastIndexOf(' ') + 1);
    return isAscii(last) ? last : last.normalize('NFD').replace(/\p{M}/gu, '');
  };

  const knownOrganisations = new Set<string>();
  const genderOf = (entity: NamedEntity): Gender | null => entity.gender ?? genders.get(surname(entity.name)) ?? null;

  function remember(entity: NamedEntity): void {
    if (entity.kind === 'organisation') {
      organisations.push(entity);
      knownOrganisations.add(entity.name);
    } else if (entity.name.includes(' ')) fullNames.push(entity);
    if (entity.gender) genders.set(surname(entity.name), entity.gender);
  }

  const givenName = (name: string): string => name.slice(0, name.indexOf(' '));

  /** A full name used before, by its surname ("Doucet", "Later Okafor"), or by its given name alone ("Simon"). */
  function fullNameFor(name: string): NamedEntity | undefined {
    const last = surname(name);
    const latest = fullNames.findLast((known) => surname(known.name) === last && known.name !== name);
    // The fullest form used for that person ("Michael R. Bloomberg" over a later "Michael Bloomberg").
    const bySurname =
      latest &&
      (fullNames.find(
        (known) =>
          surname(known.name) === last &&
          givenName(known.name) === givenName(latest.name) &&
          known.name.length > latest.name.length,
      ) ??
        latest);
    if (bySurname && (!name.includes(' ') || !isFirstName(givenName(name)))) return bySurname;
    if (!name.includes(' ') && isFirstName(name)) {
      const byGiven = fullNames.findLast((known) => givenName(known.name) === name);
      if (byGiven) return byGiven;
    }
    // "Iris" after "Iris Avellaneda": a given name the list does not know, when it fits one person only.
    if (!name.includes(' ') && !fullNames.some((known) => surname(known.name) === last)) {
      const byGiven = new Set(fullNames.filter((known) => givenName(known.name) === name).map((known) => known.name));
      if (byGiven.size === 1) return fullNames.findLast((known) => givenName(known.name) === name);
    }
    // "Michael Bloomberg" after "Michael R. Bloomberg": the fuller form the article used for the same person.
    if (name.includes(' ')) {
      const given = givenName(name);
      return fullNames.findLast(
        (known) => known.name !== name && surname(known.name) === last && givenName(known.name) === given,
      );
    }
    const laterName = laterFullNames().find((known) => surname(known) === last);
    return laterName === undefined ? undefined : { name: laterName, kind: 'person', gender: null };
  }

  let later: string[] | null = null;
  /** Every full person name of the whole article, read on first need. */
  function laterFullNames(): string[] {
    if (later !== null) return later;
    later = [];
    const whole = bookWith({ capitalisesNouns: options.capitalisesNouns }, readings);
    for (const text of options.wholeText?.() ?? []) whole.registerNames(text);
    later = whole.fullNameList();
    return later;
  }

  function resolve(entity: NamedEntity): NamedEntity {
    let resolved = knownOrganisations.has(entity.name) ? { ...entity, kind: 'organisation' as const } : entity;
    if (resolved.kind === 'person') {
      const full = fullNameFor(entity.name);
      if (full) resolved = { ...full, gender: entity.gender ?? full.gender };
    }
    const gender =
      resolved.gender ?? (resolved.kind === 'person' ? (genders.get(surname(resolved.name)) ?? null) : null);
    if (entity.gender) genders.set(surname(resolved.name), entity.gender);
    return { ...resolved, gender };
  }

  return {
    registerNames(text) {
      let reading = readings.get(text);
      if (reading === undefined) {
        reading = readNames(text, options.capitalisesNouns);
        readings.set(text, reading);
      }
      for (const word of reading.properNouns) properNouns.add(word);
      for (const entity of reading.entities) remember(entity);
    },
    resolve,
    startParagraph() {
      paragraph++;
    },
    noteSpeaker(entity) {
      speakers.push(entity);
      heardIn.push(paragraph);
      if (entity.kind === 'organisation') organisations.push(entity);
      if (entity.kind === 'person' && entity.gender) genders.set(surname(entity.name), entity.gender);
    },
    lastPerson(gender, maxAge = Number.POSITIVE_INFINITY) {
      const at = speakers.findLastIndex((candidate) => {
        if (candidate.kind !== 'person' && !candidate.spokesperson) return false;
        const known = candidate.kind === 'person' ? genderOf(candidate) : null;
        return gender === null || known === null || known === gender;
      });
      const speaker = at >= 0 && paragraph - (heardIn[at] ?? 0) <= maxAge ? speakers[at] : undefined;
      return speaker ? { ...speaker, gender: speaker.kind === 'person' ? genderOf(speaker) : null } : null;
    },
    isProperNoun: (word) => properNouns.has(word),
    isKnownPerson: (name) => fullNames.some((known) => known.name === name) || (later?.includes(name) ?? false),
    fullNameList: () => fullNames.map((known) => known.name),
    personBySurname(word) {
      const key = surname(word);
      const known = fullNames.findLast((candidate) => surname(candidate.name) === key);
      return known ? { ...known, gender: genderOf(known) } : null;
    },
    heardThisParagraph: (name) =>
      speakers.some((speaker, index) => speaker.name === name && heardIn[index] === paragraph),
    lastOrganisation(maxAge = Number.POSITIVE_INFINITY, orLoneName = false) {
      // "Facebook said …. '…,' it said": with `orLoneName`, a one-word name that is no given name and has no
      // gender may be the organisation "it" stands for.
      const at = speakers.findLastIndex(
        (speaker) =>
          speaker.kind === 'organisation' ||
          (orLoneName &&
            speaker.kind === 'person' &&
            !speaker.name.includes(' ') &&
            !isFirstName(speaker.name) &&
            genderOf(speaker) === null),
      );
      if (at >= 0 && orLoneName) {
        const found = speakers[at];
        return found && paragraph - (heardIn[at] ?? 0) <= maxAge ? { ...found, kind: 'organisation' } : null;
      }
      if (at >= 0) return paragraph - (heardIn[at] ?? 0) <= maxAge ? (speakers[at] ?? null) : null;
      return maxAge === Number.POSITIVE_INFINITY ? (organisations.at(-1) ?? null) : null;
    },
  };
}
