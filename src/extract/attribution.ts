/**
 * The grammar of attribution in news copy, over tokens: who a reporting verb belongs to
 * ("Tom Ashby, the chief executive, said", "said a Network Rail spokesman", "she added", "according to X").
 * Returns phrases; resolving pronouns and surnames to people is speakers.ts's job.
 */
import {
  CAPITALISES_NOUNS,
  FOREIGN_REPORTING_VERBS,
  FOREIGN_INDEFINITE,
  INDEFINITE,
  INDEFINITE_PRONOUNS,
  PRONOUN_GENDER,
  REPORTING_PARTICIPLES,
  REPORTING_VERBS,
} from './lexicon.js';
import { definiteAt, definiteEndingAt, setDefiniteLanguage, type DefinitePhrase } from './definite-descriptions.js';
import { asideOpening } from './dash-asides.js';
import { skipAdverbials } from './subject-verb-gap.js';
import { groupEndingAt, relativeClauseToEnd } from './group-speakers.js';
import { groupBeforeRelative } from './relative-groups.js';
import { isFirstName } from './first-names.js';
import { isNeverAName, isTitle, nameRunLength, ORGANISATION_ROLES, PARTICLES, SPOKESPERSON_ROLES } from './names.js';
import { isCapitalised, isLowerCaseWord, type Token } from './tokens.js';

/** Who a reporting verb points at, before resolution. */
export type SpeakerPhrase =
  | { type: 'name'; words: string[]; organisation: boolean; spokesperson?: boolean }
  | { type: 'pronoun'; pronoun: string }
  /** "a spokesperson for the regional water board", "ein Sprecher": nobody named, shown as written. */
  | { type: 'description'; words: string[] }
  /** "the company", "the spokesman": stands for the last organisation. */
  | { type: 'organisation-role'; spokesperson: boolean; role: string }
  /** "the speaker", "der junge Polizist", "cette source": someone brought in before (definite-descriptions.ts). */
  | DefinitePhrase
  /** "a source", "officials": somebody, but nobody named. */
  | { type: 'unnamed' };

export const PRONOUNS = new Set(
  [...PRONOUN_GENDER.keys(), 'it'].flatMap((word) => [word, word[0]!.toUpperCase() + word.slice(1)]),
);
export const DETERMINERS = new Set(`a an the A An The its their his her Its Their His Her`.split(/\s+/));
const ROLE_LINKS = new Set(['for', 'at', 'from', 'of']);
const FOREIGN_ROLE_LINKS = new Set(`do da dos das de del des du von`.split(/\s+/));
/** Lower-case words that end a speaker phrase rather than describe the speaker's role. */
const NOT_ROLE_WORDS = new Set(
  `at in on of for to who which that and or but with from by after before during when while as on yesterday
  today last this earlier later told said says added in the a an his her their its am im vor nach bei mit auf
  gegenüber à au aux dans devant lors le la les el los las en em no na ao durante ante sobre`.split(/\s+/),
);
/** Conjunctions that join a second verb to the sentence's subject ("and explained", "y explicó", "et ajoute"). */
const CLAUSE_LINKS = new Set(`and but or then yet y e et und pero mas mais aber`.split(/\s+/));
/** Articles that may open role words ("dijo la alcaldesa, Lucía Moreno"). */
const ARTICLES = new Set(`the a an le la les el los las o os as der die das den`.split(/\s+/));

/**
 * The article's language, set by findQuotes for the article being read (extraction is synchronous, so one
 * article at a time): the other languages' reporting verbs count only in their own articles ("note", "so").
 */
let foreignVerbs = false;
let capitalisedNouns = false;
export function setAttributionLanguage(lang: string): void {
  foreignVerbs = lang !== 'en';
  capitalisedNouns = CAPITALISES_NOUNS.has(lang);
  setDefiniteLanguage(lang);
}

/** Whether the article's language capitalises its nouns (German). */
export const nounsCapitalised = (): boolean => capitalisedNouns;

export const isReportingVerb = (token: Token | undefined): boolean =>
  token?.word === true &&
  (REPORTING_VERBS.has(token.text) || (foreignVerbs && FOREIGN_REPORTING_VERBS.has(token.text.toLowerCase())));

const isIndefinite = (token: Token | undefined): boolean =>
  (foreignVerbs ? FOREIGN_INDEFINITE : INDEFINITE).has(token?.text.toLowerCase() ?? '');

const CLAUSE_WORDS = new Set(
  `and or but then to when while if because und oder aber dann et ou mais puis y o pero e ou mas`.split(/\s+/),
);
const STOPS_DESCRIPTION = new Set(
  `who which that whose said says told added qui que dont welche
  quien que cuyo que quem`.split(/\s+/),
);

/** "a spokesperson for the regional water board" from the determiner at `start`, as written; null if too short. */
export function descriptionAt(tokens: Token[], start: number, end = tokens.length): SpeakerPhrase | null {
  if (!isIndefinite(tokens[start])) return null;
  let i = start + 1;
  while (i < end && i < start + 12 && tokens[i]?.word && !STOPS_DESCRIPTION.has(tokens[i]?.text ?? '')) {
    if (isReportingVerb(tokens[i])) break;
    i++;
  }
  const alone = INDEFINITE_PRONOUNS.has(tokens[start]?.text.toLowerCase() ?? '');
  if ((i - start < 2 && !alone) || (i < end && tokens[i]?.word && !STOPS_DESCRIPTION.has(tokens[i]?.text ?? '')))
    return null;
  const words = tokens.slice(start, i).map((token) => token.text);
  // A described speaker is a noun phrase: "a spokesperson for the water board", not "an extra month to … then".
  if (words.some((word) => CLAUSE_WORDS.has(word.toLowerCase())) || words.length > 9) return null;
  // "a Network Rail spokesman", "a spokesman for the Rail Delivery Group" name their organisation; "a
  // spokesperson", "a spokeswoman for the company" stand for the last one named: phraseAt reads those.
  const named = !capitalisedNouns && words.slice(1).some((word) => /^\p{Lu}/u.test(word));
  const last = words.at(-1) ?? '';
  const standsForOrganisation =
    (words.length === 2 && ORGANISATION_ROLES.has(last)) ||
    (ORGANISATION_ROLES.has(last) && DETERMINERS.has(words.at(-2) ?? '') && words.length <= 5);
  if (named || standsForOrganisation) return null;
  return { type: 'description', words: alone ? [...words, ...relativeClauseToEnd(tokens, i, end)] : words };
}
export const isParticiple = (token: Token | undefined): boolean =>
  token?.word === true && REPORTING_PARTICIPLES.has(token.text);

export function nameAt(
  tokens: Token[],
  start: number,
  length: number,
  organisation = false,
  role?: string,
): SpeakerPhrase {
  const words = tokens.slice(start, start + length).map((token) => token.text);
  return { type: 'name', words, organisation, spokesperson: SPOKESPERSON_ROLES.has(role ?? '') };
}

const organisationRole = (role: string): SpeakerPhrase => ({
  type: 'organisation-role',
  spokesperson: SPOKESPERSON_ROLES.has(role),
  role,
});

/** The start of the name run that ends at `end` (inclusive), walking back over capitalised words and particles. */
function nameRunStart(tokens: Token[], end: number): number {
  let start = end;
  while (
    start > 0 &&
    (isCapitalised(tokens[start - 1]) ||
      ((isLowerCaseWord(tokens[start - 1]) || tokens[start - 1]?.text === '&') &&
        isCapitalised(tokens[start - 2]) &&
        (PARTICLES.has(tokens[start - 1]?.text ?? '') || tokens[start - 1]?.text === '&')))
  ) {
    start--;
  }
  return start;
}

/** Reads a speaker phrase that starts at `start` ("Tom Ashby", "a Network Rail spokesman", "the company"). */
export function phraseAt(tokens: Token[], start: number): SpeakerPhrase | null {
  let i = start;
  const first = tokens[i];
  if (first === undefined || !first.word) return null;
  if (PRONOUNS.has(first.text)) return { type: 'pronoun', pronoun: first.text.toLowerCase() };
  const description = descriptionAt(tokens, i);
  if (description) return description;
  // German capitalises the nouns of "der junge Polizist", Spanish the title of "el Presidente": read as a
  // description before any name run.
  const definite = definiteAt(tokens, i, capitalisedNouns);
  if (definite && (capitalisedNouns || isTitle(definite.words.at(-1) ?? ''))) return definite;
  if (DETERMINERS.has(first.text)) i++;
  const runLength = nameRunLength(tokens, i);
  const afterRun = tokens[i + runLength];
  if (runLength > 0) {
    // "Swiss environment minister Lea Brunner", "Network Rail spokesman Tom Jones": the name after the role speaks.
    let role = i + runLength;
    while (role < i + runLength + 3 && isLowerCaseWord(tokens[role]) && !NOT_ROLE_WORDS.has(tokens[role]?.text ?? ''))
      role++;
    // "the Canadian expert, Ian Smillie": the name after the role, set off by a comma.
    const commaName = role > i + runLength && tokens[role]?.text === ',' && isFirstName(tokens[role + 1]?.text ?? '');
    if (commaName) role++;
    const personLength = role > i + runLength ? nameRunLength(tokens, role) : 0;
    // In German every noun is capitalised: "sagte Weikert zum Thema" names Weikert, not "Thema".
    const personAfterRole = personLength > 0 && (!capitalisedNouns || isFirstName(tokens[role]?.text ?? ''));
    if (personAfterRole) return nameAt(tokens, role, personLength);
    if (afterRun?.word && ORGANISATION_ROLES.has(afterRun.text))
      return nameAt(tokens, i, runLength, true, afterRun.text);
    // "said Amazon's decision …": a possessive before a plain noun is the object of the verb, not its speaker.
    if (/['’]s?$/u.test(tokens[i + runLength - 1]?.text ?? '') && isLowerCaseWord(afterRun)) return null;
    return nameAt(tokens, i, runLength);
  }
  // Lower-case role words before a name: "chief executive Tom Ashby", "BBC correspondent Lyse Doucet".
  let j = i;
  while (j < i + 4 && isLowerCaseWord(tokens[j]) && !REPORTING_VERBS.has(tokens[j]?.text ?? '')) {
    const word = tokens[j]?.text ?? '';
    // "first disclosed by the Aspen Times": a preposition ends the role words; what follows is no speaker.
    if (NOT_ROLE_WORDS.has(word) && !ARTICLES.has(word) && ARTICLES.has(tokens[j + 1]?.text ?? ''))
      return { type: 'unnamed' };
    if (ORGANISATION_ROLES.has(word)) {
      const link = tokens[j + 1];
      if (link?.word && ROLE_LINKS.has(link.text)) {
        const orgStart = DETERMINERS.has(tokens[j + 2]?.text ?? '') ? j + 3 : j + 2;
        const orgLength = nameRunLength(tokens, orgStart);
        if (orgLength > 0) return nameAt(tokens, orgStart, orgLength, true, word);
      }
      const personLength = nameRunLength(tokens, j + 1);
      if (personLength > 0) return nameAt(tokens, j + 1, personLength);
      // "foundation director Rebecca Harlan": the body only qualifies the role of the person named after it.
      const next = tokens[j + 1]?.text ?? '';
      if (!isLowerCaseWord(tokens[j + 1]) || !isTitle(next[0]?.toUpperCase() + next.slice(1)))
        return organisationRole(word);
    }
    j++;
  }
  // "the company's chief executive, Tom Ashby": the name after the comma.
  const nameStart = tokens[j]?.text === ',' ? j + 1 : j;
  const personLength = j > i ? nameRunLength(tokens, nameStart) : 0;
  if (personLength > 0) return nameAt(tokens, nameStart, personLength);
  if (i === start && !isLowerCaseWord(first)) return null;
  return definiteAt(tokens, start, capitalisedNouns) ?? { type: 'unnamed' };
}

/** The appositive case "Ibrahim Kalin, a chief adviser …, said": finds the name the role describes. */
function subjectBeforeAppositive(tokens: Token[], comma: number): SpeakerPhrase | null {
  // "The chief executive of Acme, Tom Ashby, said": the name is the appositive itself.
  // Checked first when it is plainly a person ("whose managing director, Ana Ruiz, called …"), last otherwise
  // ("Maya Chen, who runs a shop in Portland, Oregon, said").
  const previousComma = tokens.slice(0, comma).findLastIndex((token) => token.text === ',');
  const appositive =
    previousComma >= 0 && nameRunLength(tokens, previousComma + 1) === comma - previousComma - 1
      ? nameAt(tokens, previousComma + 1, comma - previousComma - 1)
      : null;
  if (
    appositive?.type === 'name' &&
    (isFirstName(appositive.words[0] ?? '') || isLowerCaseWord(tokens[previousComma - 1]))
  )
    return appositive;
  // "Maya Chen, who runs a shop in Portland, Oregon, said": the name the description follows.
  for (let i = Math.max(0, comma - 40); i < comma; i++) {
    if (tokens[i]?.text !== ',' || !isCapitalised(tokens[i - 1])) continue;
    const roleStart = tokens[i + 1];
    if (roleStart && (isLowerCaseWord(roleStart) || DETERMINERS.has(roleStart.text))) {
      const start = nameRunStart(tokens, i - 1);
      // German capitalises "Auf die Frage, ob …": a noun before a comma is a name only with a given name.
      if (capitalisedNouns && !isFirstName(tokens[start]?.text ?? '')) continue;
      if (!isNeverAName(tokens[start]?.text ?? '') || i - start > 1) return nameAt(tokens, start, i - start);
    }
  }
  return appositive;
}

/** Who a verb at `verb` belongs to, read from the words before it. */
export function phraseBeforeVerb(tokens: Token[], verb: number): SpeakerPhrase | 'coordinated' | null {
  const k = skipAdverbials(tokens, verb - 1);
  const token = tokens[k];
  if (token === undefined) return null;
  const aside = asideOpening(tokens, k);
  if (aside > 0) return phraseBeforeVerb(tokens, aside);
  if (token.text === ',') return subjectBeforeAppositive(tokens, k) ?? 'coordinated';
  if (!token.word) return null;
  // "Israeli President Shimon Peres, who cautioned that …": the relative pronoun stands for the name before it.
  if (token.text === 'who' && tokens[k - 1]?.text === ',' && isCapitalised(tokens[k - 2])) {
    const start = nameRunStart(tokens, k - 2);
    return nameAt(tokens, start, k - 1 - start);
  }
  // "…, former members who have said to me": the group the relative pronoun stands for (relative-groups.ts).
  const group = groupBeforeRelative(tokens, k);
  if (group) return group;
  if (CLAUSE_LINKS.has(token.text)) return 'coordinated';
  if (PRONOUNS.has(token.text)) return { type: 'pronoun', pronoun: token.text.toLowerCase() };
  for (let d = k - 1; d >= Math.max(0, k - 11) && tokens[d]?.word; d--) {
    if (!isIndefinite(tokens[d])) continue;
    const description = descriptionAt(tokens, d, k + 1);
    if (description && description.type === 'description' && description.words.length === k - d + 1) return description;
  }
  const definite = definiteEndingAt(tokens, k, capitalisedNouns);
  if (definite) return definite;
  if (isCapitalised(token)) {
    const start = nameRunStart(tokens, k);
    const before = tokens[start - 1];
    const roleBefore = tokens[start - 2];
    const linked = before?.word === true && (ROLE_LINKS.has(before.text) || FOREIGN_ROLE_LINKS.has(before.text));
    const organisation = linked && ORGANISATION_ROLES.has(roleBefore?.text ?? '');
    // "O senador do Podemos pondera", "the director of Amnesty said": a person described by the body they
    // belong to, not the body.
    if (linked && !organisation && isLowerCaseWord(roleBefore)) return { type: 'unnamed' };
    return nameAt(tokens, start, k - start + 1, organisation, organisation ? roleBefore?.text : undefined);
  }
  if (ORGANISATION_ROLES.has(token.text)) {
    if (isCapitalised(tokens[k - 1]) && !isNeverAName(tokens[k - 1]?.text ?? '')) {
      const start = nameRunStart(tokens, k - 1);
      return nameAt(tokens, start, k - start, true, token.text);
    }
    return organisationRole(token.text);
  }
  return groupEndingAt(tokens, k) ?? { type: 'unnamed' };
}
