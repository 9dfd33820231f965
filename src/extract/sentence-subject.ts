/**
 * The subject of a sentence, for the passes that look beside a quote rather than at a reporting
 * verb: "Kalin did, however, express …", "The council leader, Janet Colley, defended …".
 */
import {
  DETERMINERS,
  isReportingVerb,
  nameAt,
  nounsCapitalised,
  phraseAt,
  PRONOUNS,
  type SpeakerPhrase,
} from './attribution.js';
import { definiteAt, describedSubjectAt } from './definite-descriptions.js';
import { isFirstName } from './first-names.js';
import { afterParticipleClause, romancePersonSubjectAt } from './romance-subjects.js';
import { isNeverAName, isTitle, nameRunLength, ORGANISATION_ROLES } from './names.js';
import { roleThenName } from './role-then-name.js';
import { isLowerCaseWord, type Token } from './tokens.js';

/** Articles that open a sentence's subject in the other languages ("O presidente da Câmara, Arthur Lira, …"). */
const SUBJECT_ARTICLES = new Set(`O Os As El Los Las La Le Les Der Die Das Il Lo`.split(/\s+/));
/** Words that link a described person to the body they belong to ("o senador do Avante"). */
const BODY_LINKS = new Set(`do da dos das de del des du von`.split(/\s+/));
/** Conjunctions that join two subjects. */
const COORDINATORS = new Set(`and or und oder et ou y o e`.split(/\s+/));
/** Words that open a sentence with a time phrase before its subject ("Earlier this month, …"). */
const TIME_OPENERS = new Set(`Earlier Later Last This Next Yesterday Today Separately`.split(/\s+/));
/**
 * Prepositions that open a sentence with a short phrase before its subject ("In his speech, …", "Na saída, …",
 * "Après la réunion, …"); not German's, whose fronted phrase takes no comma and puts the verb before the subject.
 */
const INTRODUCING = new Set(
  `In At On During After Before Speaking Since Throughout Despite
  Na No Nas Nos Em Ao Após Durante Depois Antes En Al Tras Después Dans Lors Après Avant Pendant Au`.split(/\s+/),
);

/** Conjunctions that open a sentence with a whole clause before its subject ("When the food ran out, …"). */
const SUBORDINATORS = new Set(`When While As If Although Though Because Once After Before Since Until`.split(/\s+/));
const QUOTE_MARKS = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', '\u0001']);
/** A clause before the subject runs to its comma within this many words, or is not read as one. */
const MAX_CLAUSE_WORDS = 25;

/**
 * Past an opening clause up to its comma: "After he finishes the festival circuit, director Ana Vidal could …",
 * "When the food ran out, Rojas would remind herself: …". Where the subject starts; `i` when there is none.
 */
function afterSubordinateClause(tokens: Token[], i: number): number {
  const word = tokens[i]?.text ?? '';
  // Lower-case after a connective: "Nevertheless, after "…" by Sanjaya, Simon was concerned".
  if (!SUBORDINATORS.has(word[0]?.toUpperCase() + word.slice(1))) return i;
  for (let k = i + 1; k <= i + MAX_CLAUSE_WORDS && k < tokens.length; k++) {
    if (tokens[k]?.text === ',') return k > i + 2 ? k + 1 : i;
    // A quotation inside the clause leaves its marks; a stop or a colon ends the sentence's start.
    if (!tokens[k]?.word && !QUOTE_MARKS.has(tokens[k]?.text ?? '')) return i;
  }
  return i;
}

/** The subject of a sentence that opens with a name or pronoun: "Kalin did, however, express …". */
export function sentenceSubject(tokens: Token[]): SpeakerPhrase | null {
  let i = 0;
  while (i < 3 && tokens[i] !== undefined && !tokens[i]?.word) i++;
  // "However, industry analyst Michael Gartenberg sounded …": a connective before the subject.
  if (isNeverAName(tokens[i]?.text ?? '') && tokens[i + 1]?.text === ',') i = afterSubordinateClause(tokens, i + 2);
  // "In his speech, Mr. Gore invoked …": a short opening phrase up to its comma.
  // "In his speech, Mr. Gore invoked …", "Earlier this month, Bush ruled out …": a short opening phrase.
  else if (INTRODUCING.has(tokens[i]?.text ?? '') || TIME_OPENERS.has(tokens[i]?.text ?? '')) {
    const comma = tokens.findIndex((token, index) => index > i + 1 && index <= i + 6 && token.text === ',');
    if (comma > 0 && tokens.slice(i + 1, comma).every((token) => token.word)) i = comma + 1;
    else i = afterSubordinateClause(tokens, i);
  } else i = afterSubordinateClause(tokens, afterParticipleClause(tokens, i));
  const first = tokens[i];
  // "En la Casa Rosada se preguntan …": a place after a preposition, not the subject.
  if (first === undefined || INTRODUCING.has(first.text)) return null;
  if (PRONOUNS.has(first.text)) return { type: 'pronoun', pronoun: first.text.toLowerCase() };
  const described = describedSubjectAt(tokens, i, nounsCapitalised());
  if (described) return described;
  if (isLowerCaseWord(first)) {
    // "Installée au café, la jeune femme s'inquiète : …": after an opening clause the article is lower-case.
    const person = i > 0 ? romancePersonSubjectAt(tokens, i) : null;
    if (person) return person;
    const phrase = phraseAt(tokens, i);
    if (phrase?.type !== 'name') return null;
    // "o senador do Avante afirmou": the name after "do", "de" is the body the described subject belongs to.
    const nameStart = tokens.findIndex((token, k) => k > i && token.text === phrase.words[0]);
    return BODY_LINKS.has(tokens[nameStart - 1]?.text ?? '') ? null : phrase;
  }
  const start = DETERMINERS.has(first.text) || SUBJECT_ARTICLES.has(first.text) ? i + 1 : i;
  // "The council leader, Janet Colley, defended …": the name set off by commas is the subject.
  const comma = tokens.findIndex((token, index) => index >= start && index < start + 6 && token.text === ',');
  // Not "Mr. Gore invoked Churchill, Robert Frost, …": the words before the comma must be a role, not a name.
  const roleFirst = start > i || isLowerCaseWord(tokens[start]);
  if (comma > start && roleFirst && !tokens.slice(start, comma).some(isReportingVerb)) {
    const length = nameRunLength(tokens, comma + 1);
    // "O presidente da Câmara, Arthur Lira (PP-AL), não participou": a party in brackets may follow the name.
    const closer = tokens[comma + 1 + length]?.text;
    if (length > 0 && (closer === ',' || closer === '(')) return nameAt(tokens, comma + 1, length);
  }
  const roled = nounsCapitalised() ? roleThenName(tokens, i) : null;
  if (roled) return roled;
  // "Der Mann veröffentlicht …": in German the capitalised noun after the article is a description, not a name.
  const germanDefinite = start > i && nounsCapitalised() ? definiteAt(tokens, i, true) : null;
  if (germanDefinite) return germanDefinite;
  const length = nameRunLength(tokens, start);
  // "El periodista ruso, cuyo periódico …, advirtió": a definite description for the subject.
  const definite =
    start > i && length === 0 ? (definiteAt(tokens, i, nounsCapitalised()) ?? romancePersonSubjectAt(tokens, i)) : null;
  if (definite) return definite;
  if (length === 0) {
    // "The poet Derek Anyan shared …": lower-case role words before the name.
    const phrase = start > i ? phraseAt(tokens, i) : null;
    return phrase?.type === 'name' ? phrase : null;
  }
  const next = tokens[start + length];
  // "Jean-Claude Morvan et Dominique Lefort présentent …": two people brought in side by side, each with a given
  // name; neither is the one a later pronoun means.
  const coordinated = COORDINATORS.has(next?.text ?? '') ? (tokens[start + length + 1]?.text ?? '') : '';
  if (isFirstName(coordinated) && isFirstName(tokens[start]?.text ?? '')) return null;
  const person = personAfterRole(tokens, start + length);
  if (person) return person;
  if (next !== undefined && (isLowerCaseWord(next) || next.text === ',')) return nameAt(tokens, start, length);
  return null;
}

const isRoleWord = (word: string): boolean =>
  isTitle(word[0]?.toUpperCase() + word.slice(1)) || ORGANISATION_ROLES.has(word);

/** At most this many lower-case role words between a body and a person ("Opposition deputy leader Sam Kerr"). */
const MAX_ROLE_WORDS = 3;

/**
 * "Opposition leader Sam Kerr was scathing", "Union boss Jo Marr said": the person named after lower-case words
 * that end on a title, starting at `at` (after the capitalised run that qualifies the role).
 */
function personAfterRole(tokens: Token[], at: number): SpeakerPhrase | null {
  let end = at;
  // Only role words: "Smith met chief executive Tom Ashby" has Smith for its subject.
  while (end < at + MAX_ROLE_WORDS && isLowerCaseWord(tokens[end]) && isRoleWord(tokens[end]?.text ?? '')) end++;
  const last = tokens[end - 1]?.text ?? '';
  if (end === at || !isTitle(last[0]?.toUpperCase() + last.slice(1)) || isLowerCaseWord(tokens[end])) return null;
  const length = nameRunLength(tokens, end);
  return length > 0 ? nameAt(tokens, end, length) : null;
}
