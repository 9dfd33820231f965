/**
 * What the article has said about people and organisations so far: the full names it has used (so a later
 * "Doucet" or "Mr Ashby" becomes "Lyse Doucet" / "Tom Ashby") and who spoke last (so "she" and
 * "the company" find their speaker). Filled in reading order, so a name resolves only to what came before.
 */
import type { Gender, NamedEntity } from './names.js';
import { isFirstName } from './first-names.js';
import { readNames, type Reading } from './name-reading.js';
import { fullerPossessiveName } from './plural-possessive-names.js';

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
  /**
   * The last speaker, however long ago, when it is a person whose gender fits and nobody else has spoken or been
   * named in full since the paragraph it was heard in: "he added" three paragraphs on, with no one in between.
   */
  lastPersonUncontested(gender: Gender | null, maxAge: number): NamedEntity | null;
  /**
   * The last person of this gender heard within `maxAge` paragraphs, when everyone heard or named in full since is
   * known to be of the other gender: "she added" after her husband spoke.
   */
  lastOfGenderPastOthers(gender: Gender, maxAge: number): NamedEntity | null;
  /** The last description heard speaking within `maxAge` paragraphs that `matches`, as written. */
  lastDescription(matches: (words: string[]) => boolean, maxAge: number): NamedEntity | null;
  /** Marks the start of the next paragraph, for the age of mentions. */
  startParagraph(): void;
  /** The last organisation that spoke, else the last one named. */
  lastOrganisation(maxAge?: number, orLoneName?: boolean): NamedEntity | null;
  /** The person last written with this office ("Mayor Dan Reyes" for "mayor"), in lower case; null if none. */
  holderOf(title: string): NamedEntity | null;
  /** The organisation the article named with exactly this one word ("Fortinet"), if any. */
  organisationNamed(word: string): NamedEntity | null;
  /** The last organisation named whose name holds `noun` capitalised: "the church" → "Church of Scientology". */
  organisationCalled(noun: string): NamedEntity | null;
  /** Whether the word stood capitalised inside a sentence somewhere: a proper noun, not a sentence opener. */
  isProperNoun(word: string): boolean;
  /** Whether `resolve` found this person among the full names the article uses. */
  isKnownPerson(name: string): boolean;
  /** The full person names registered so far. */
  fullNameList(): string[];
  /** The known person a capitalised word names by surname ("Weikert" → "Thomas Weikert"), if any. */
  personBySurname(word: string): NamedEntity | null;
  /** Whether this person was heard speaking, or was the subject of a sentence, anywhere before. */
  wasHeard(name: string): boolean;
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

const isAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
};

/** A new, empty book for one article. */
export function createNameBook(options: NameBookOptions = {}): NameBook {
  return bookWith(options, new Map());
}

/** A book whose text readings are shared with the article's other book (the whole-article one). */
function bookWith(options: NameBookOptions, readings: Map<string, Reading>): NameBook {
  const properNouns = new Set<string>();
  const fullNames: NamedEntity[] = [];
  /** The paragraph each entry of `fullNames` was named in. */
  const namedIn: number[] = [];
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
  /** Office (lower case) → the person last written with it. */
  const holders = new Map<string, string>();
  const genderOf = (entity: NamedEntity): Gender | null => entity.gender ?? genders.get(surname(entity.name)) ?? null;

  function remember(entity: NamedEntity): void {
    if (entity.kind === 'organisation') {
      organisations.push(entity);
      knownOrganisations.add(entity.name);
    } else if (entity.name.includes(' ')) {
      fullNames.push(entity);
      namedIn.push(paragraph);
    }
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

  function resolve(read: NamedEntity): NamedEntity {
    const fuller = fullerPossessiveName(read.name, knownOrganisations);
    const entity = fuller === null ? read : { ...read, name: fuller, kind: 'organisation' as const };
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
      for (const { title, name } of reading.titles) holders.set(title, name);
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
    lastPersonUncontested(gender, maxAge) {
      const last = speakers.at(-1);
      const since = heardIn.at(-1) ?? 0;
      if (last?.kind !== 'person' || paragraph - since > maxAge) return null;
      const known = genderOf(last);
      if (gender !== null && known !== null && known !== gender) return null;
      const other = fullNames.some(
        (named, i) => (namedIn[i] ?? 0) > since && surname(named.name) !== surname(last.name),
      );
      return other ? null : { ...last, gender: known };
    },
    lastOfGenderPastOthers(gender, maxAge) {
      const at = speakers.findLastIndex((speaker) => speaker.kind === 'person' && genderOf(speaker) === gender);
      const found = speakers[at];
      const since = heardIn[at] ?? 0;
      if (!found || paragraph - since > maxAge) return null;
      const other = (entity: NamedEntity): boolean => {
        const known = entity.kind === 'person' ? genderOf(entity) : null;
        return known !== null && known !== gender;
      };
      const onlyOthers =
        speakers.slice(at + 1).every(other) &&
        fullNames.every((named, i) => (namedIn[i] ?? 0) <= since || other(named));
      return onlyOthers ? { ...found, gender } : null;
    },
    lastDescription(matches, maxAge) {
      const at = speakers.findLastIndex(
        (speaker, index) =>
          speaker.kind === 'description' &&
          paragraph - (heardIn[index] ?? 0) <= maxAge &&
          matches(speaker.name.split(' ')),
      );
      return speakers[at] ?? null;
    },
    holderOf(title) {
      const name = holders.get(title);
      return name === undefined ? null : resolve({ name, kind: 'person', gender: null });
    },
    organisationNamed: (word) => organisations.findLast((known) => known.name === word) ?? null,
    organisationCalled(noun) {
      const word = noun[0]?.toUpperCase() + noun.slice(1);
      // Not "Church" alone, which is only the noun capitalised ("the Church hierarchy").
      const named = (known: NamedEntity): boolean => known.name.includes(' ') && known.name.split(' ').includes(word);
      return organisations.findLast(named) ?? null;
    },
    isProperNoun: (word) => properNouns.has(word),
    isKnownPerson: (name) => fullNames.some((known) => known.name === name) || (later?.includes(name) ?? false),
    fullNameList: () => fullNames.map((known) => known.name),
    personBySurname(word) {
      const key = surname(word);
      const known = fullNames.findLast((candidate) => surname(candidate.name) === key);
      return known ? { ...known, gender: genderOf(known) } : null;
    },
    wasHeard: (name) => speakers.some((speaker) => speaker.name === name),
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
