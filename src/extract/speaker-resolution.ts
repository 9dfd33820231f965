/**
 * Turning a speaker phrase into a speaker: names through the article's name book, pronouns to the person or
 * organisation heard last, descriptions as written. When unsure, no speaker.
 */
import type { SpeakerContext } from './attribution-windows.js';
import type { SpeakerPhrase } from './attribution.js';
import { describesAPerson, englishNouns, officesIn, shareAWord } from './definite-descriptions.js';
import { authorAsSpeaker } from './document-authors.js';
import { isFirstName } from './first-names.js';
import { standsForABody } from './foreign-descriptions.js';
import { PRONOUN_GENDER } from './lexicon.js';
import type { NameBook } from './name-book.js';
import { isNeverAName, readName, type NamedEntity } from './names.js';

/** What the paragraph has named before the quotation being attributed, read only when a pronoun needs it. */
export interface ParagraphSoFar {
  named(): NamedEntity[];
  /** The last known person this paragraph named before the quotation, other than `name`. */
  lastKnownOtherThan(name: string): NamedEntity | null;
  lastProperNoun(): string | null;
  /** Whether a sentence before the quotation had a definite subject that stands for nobody known ("Der Mann"). */
  unknownSubject?(): boolean;
  /** The known people the paragraph before named, speaking or not. */
  namedInParagraphBefore?(): NamedEntity[];
}
export const NOTHING_HERE: ParagraphSoFar = {
  named: () => [],
  lastKnownOtherThan: () => null,
  lastProperNoun: () => null,
};

/** How many paragraphs back "this source" may find "a source". */
const DESCRIPTION_REACH = 3;
/** How many paragraphs back a pronoun may find its person when nobody else has been named since. */
const UNCONTESTED_REACH = 3;
/** How many paragraphs back a pronoun may find its person. */
const PRONOUN_REACH = 1;

/**
 * Whether a name read next to a reporting verb can be trusted as a speaker: a full name used before, a
 * multi-word name not opened by a sentence word, or one word that stands capitalised mid-sentence elsewhere
 * (a proper noun, not "Nevertheless" or "Vielmehr"). When unsure, no speaker.
 */
function credible(entity: NamedEntity, book: NameBook, context: SpeakerContext): boolean {
  const words = entity.name.split(' ');
  const first = words[0] ?? '';
  if (isNeverAName(first) && words.length === 1) return false;
  if (entity.kind !== 'person' || book.isKnownPerson(entity.name)) return true;
  if (context.capitalisesNouns) return isFirstName(first) && words.length > 1;
  if (words.length > 1) return !isNeverAName(first);
  return book.isProperNoun(first);
}

/** The one person of `fitting`, when the paragraph named no other known person before the quotation. */
function newcomer(fitting: NamedEntity[], here: ParagraphSoFar): NamedEntity | null {
  const [only] = fitting;
  return fitting.length === 1 && only && here.lastKnownOtherThan(only.name) === null ? only : null;
}

/** Turns a phrase into a named speaker using what the article said before. */
export function resolvePhrase(
  phrase: SpeakerPhrase,
  book: NameBook,
  context: SpeakerContext,
  here: ParagraphSoFar = NOTHING_HERE,
): NamedEntity | null {
  switch (phrase.type) {
    case 'name': {
      const entity = readName(phrase.words);
      if (entity === null) return null;
      const resolved = book.resolve(phrase.organisation ? { ...entity, kind: 'organisation' } : entity);
      if (!credible(resolved, book, context)) return null;
      return phrase.spokesperson ? { ...resolved, spokesperson: true } : resolved;
    }
    case 'pronoun': {
      const gender = PRONOUN_GENDER.get(phrase.pronoun);
      if (gender || phrase.pronoun === '') {
        // A pronoun reaches the person heard in this paragraph or the one before; further back only when nobody
        // else has been named since, nor anything in this paragraph yet.
        const uncontested = here.lastProperNoun() === null;
        const person =
          book.lastPerson(gender ?? null, PRONOUN_REACH) ??
          (uncontested ? book.lastPersonUncontested(gender ?? null, UNCONTESTED_REACH) : null) ??
          (uncontested && gender ? book.lastOfGenderPastOthers(gender, UNCONTESTED_REACH) : null);
        // "Hörmann attacked him. … Weikert had not expected that. '…,' he said.": when the last speaker was heard
        // in an earlier paragraph and this one has since named another person who fits, the pronoun is unsure.
        const other = person && !book.heardThisParagraph(person.name) ? here.lastKnownOtherThan(person.name) : null;
        const fits =
          other !== null && other.name !== person?.name && (!gender || !other.gender || other.gender === gender);
        // "… sagte er dem NDR. [¶] Der Mann veröffentlicht … „…“, schrieb er": a new person described in this
        // paragraph may be who the pronoun means, not the speaker of an earlier one.
        const fitsPronoun = (named: NamedEntity): boolean => named.gender === gender || named.gender === null;
        // "Auch der Bürgermeister, Jonas Hartwig. „…“, sagt er": unless the paragraph brought in one person by
        // full name whom the pronoun fits, and named nobody else known before the quotation.
        if (fits) return gender ? newcomer(here.named().filter(fitsPronoun), here) : null;
        if (person && !book.heardThisParagraph(person.name) && here.unknownSubject?.()) return null;
        if (person) return person.kind === 'person' && gender ? { ...person, gender } : person;
        // "So too the mayor, Joël Marchetti. '…,' he says": nobody heard speaking yet, but the paragraph
        // named exactly one person whose given name fits the pronoun, or carries no gender ("Marie-Pierre", "Zineb"),
        // before the quotation.
        if (!gender) return null;
        const fitting = here.named().filter(fitsPronoun);
        if (fitting.length > 0 || here.lastProperNoun() !== null)
          return fitting.length === 1 ? (fitting[0] ?? null) : null;
        // 'A reporter asked Vidal, "…?" [¶] "…," she replied.': nobody has spoken, and the paragraph before named
        // exactly one known person the pronoun fits.
        const before = here.namedInParagraphBefore?.() ?? [];
        return before.length === 1 && before[0] && fitsPronoun(before[0]) ? before[0] : null;
      }
      // "it said": the organisation heard in this paragraph or the one before; a one-word name that may be a
      // company only when this paragraph has not since named something else ("…put this to Fortinet. '…,' it said").
      const organisation = book.lastOrganisation(PRONOUN_REACH);
      if (organisation) return organisation;
      // "We put these claims to Fortinet. '…,' it said": the known organisation this paragraph named last.
      const lastNamed = here.lastProperNoun();
      const named = lastNamed === null ? null : book.organisationNamed(lastNamed);
      if (named) return named;
      const lone = book.lastOrganisation(PRONOUN_REACH, true);
      const since = lone && !book.heardThisParagraph(lone.name) ? here.lastProperNoun() : null;
      return since !== null && since !== lone?.name ? null : lone;
    }
    case 'organisation-role': {
      // "the committee said": the organisation heard just before, else the one named with that noun ("House
      // Ethics Committee"), else the last one.
      const organisation =
        book.lastOrganisation(PRONOUN_REACH) ?? book.organisationCalled(phrase.role) ?? book.lastOrganisation();
      return organisation && phrase.spokesperson ? { ...organisation, spokesperson: true } : organisation;
    }
    case 'description':
      return { name: phrase.words.join(' '), kind: 'description', gender: null };
    case 'definite': {
      // "a poursuivi cette source gouvernementale" after "une source gouvernementale": that description, as written.
      const earlier = book.lastDescription((words) => shareAWord(phrase.words, words), DESCRIPTION_REACH);
      if (earlier) return earlier;
      // "the resolution said" after "a 2019 Arctic Council resolution": the document's author (document-authors.ts).
      const author = context.documents?.authorFor(phrase.words);
      if (author) return authorAsSpeaker(author, book);
      const document = context.documents?.asWritten(phrase.words);
      if (document) return document;
      // "the church said" after "the Church of Scientology": the organisation the article named with that noun.
      // (A description read as a subject may run on into its verb: "The church has responded".)
      for (const noun of englishNouns(phrase.words)) {
        const organisation = book.organisationCalled(noun);
        if (organisation) return organisation;
      }
      // "the president said" after "President Ada Lyle": the person the article wrote with that office.
      for (const office of officesIn(phrase.words)) {
        const holder = book.holderOf(office);
        if (holder) return holder;
      }
      // "the speaker says", "advirtió el periodista", "the former mayor argued": the person heard just before,
      // unless this paragraph has since named someone else. English says "the resolution said" as well, so
      // there only a title or an age makes the description a person.
      const personal = (context.dropsPronouns && !standsForABody(phrase.words)) || describesAPerson(phrase.words);
      const person = personal ? book.lastPerson(null, PRONOUN_REACH) : null;
      const other = person && !book.heardThisParagraph(person.name) ? here.lastKnownOtherThan(person.name) : null;
      return person && (other === null || other.name === person.name) ? person : null;
    }
    case 'unnamed':
      return null;
  }
}
