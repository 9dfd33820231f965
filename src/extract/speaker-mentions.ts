/**
 * The people and organisations a paragraph reports speaking or makes the subject of a sentence, by position:
 * what later pronouns and quotation-only sentences fall back on.
 */
import type { SpeakerContext } from './attribution-windows.js';
import { isReportingVerb, phraseAt, phraseBeforeVerb, type SpeakerPhrase } from './attribution.js';
import { describedSourcesIn } from './described-sources.js';
import { authorAsSpeaker, documentSubject, type DocumentBook } from './document-authors.js';
import { isFirstName } from './first-names.js';
import { personDescribedAsSubject } from './foreign-descriptions.js';
import type { NameBook } from './name-book.js';
import type { NamedEntity } from './names.js';
import { PRONOUN_GENDER } from './lexicon.js';
import { sentenceSubject } from './sentence-subject.js';
import { resolvePhrase } from './speaker-resolution.js';
import { MASK } from './sentences.js';
import { isCapitalised, tokenize, type Token } from './tokens.js';

/** Mentions are read from the first this-many characters of a paragraph; real paragraphs are far shorter. */
export const MENTION_CHARS = 20_000;

/** A sentence's subject is looked for in its first tokens: enough for an opening clause of 25 words and a name. */
const SUBJECT_TOKENS = 36;

export interface Mention {
  at: number;
  phrase: SpeakerPhrase;
  /**
   * Sentence subjects count only when they name someone in full, or are a gendered pronoun (which is resolved but
   * not noted again); reporting verbs always count.
   */
  subjectOnly: boolean;
}

/**
 * The first SUBJECT_TOKENS tokens from `start`, a masked quotation counted as one token: "after "…" by the choir,
 * Ruth was worried" keeps its subject in reach however long the quotation.
 */
function sentenceOpening(tokens: Token[], start: number): Token[] {
  const opening: Token[] = [];
  for (let k = start; k < tokens.length && opening.length < SUBJECT_TOKENS; k++) {
    const token = tokens[k];
    if (token && (token.text !== MASK || tokens[k - 1]?.text !== MASK)) opening.push(token);
  }
  return opening;
}

/**
 * The people and organisations a paragraph reports speaking ("Lyse Doucet has indicated") or makes the
 * subject of a sentence ("Sané, a former finance minister, addressed …"), by position, for later pronouns.
 */
export function mentionsIn(masked: string, starts: number[], documents?: DocumentBook): Mention[] {
  const tokens = tokenize(masked.slice(0, MENTION_CHARS));
  const mentions: Mention[] = [];
  let next = 0;
  for (const start of starts) {
    if (start >= MENTION_CHARS) break;
    while (next < tokens.length && (tokens[next]?.start ?? 0) < start) next++;
    const opening = sentenceOpening(tokens, next);
    const subject = sentenceSubject(opening) ?? documentSubject(opening, documents);
    const gendered = subject?.type === 'pronoun' && PRONOUN_GENDER.get(subject.pronoun);
    const definite = subject?.type === 'definite';
    if (subject?.type === 'name' || subject?.type === 'description' || gendered || definite)
      mentions.push({ at: start, phrase: subject, subjectOnly: true });
  }
  tokens.forEach((token, v) => {
    if (!isReportingVerb(token)) return;
    const phrase = phraseBeforeVerb(tokens, v);
    // "It said ads …": an organisation reported speaking, for the "it said" after its quotation.
    const organisational =
      phrase !== null && phrase !== 'coordinated' && phrase.type === 'pronoun' && phrase.pronoun === 'it';
    if (phrase !== null && phrase !== 'coordinated' && (phrase.type === 'name' || organisational))
      mentions.push({ at: token.start, phrase, subjectOnly: false });
    else {
      // ", sagt Flixbus-Manager Stenger.", ", said Adil Najam": the speaker after the verb, after a comma;
      // "a assuré une source gouvernementale": a described speaker, for a later "cette source".
      const after = phraseAt(tokens, v + 1);
      const named = after?.type === 'name' && tokens[v - 1]?.text === ',' && isCapitalised(tokens[v + 1]);
      if (named || after?.type === 'description') mentions.push({ at: token.start, phrase: after, subjectOnly: false });
    }
  });
  mentions.push(...describedSourcesIn(tokens));
  return mentions.sort((a, b) => a.at - b.at);
}

export function noteMention(mention: Mention, book: NameBook, context: SpeakerContext): NamedEntity | null {
  // "Der Mann veröffentlicht …": a definite subject adds nobody; speakers.ts asks unknownSubject whether it is new.
  // "The speaker also repeats his claim": the voice of a recording, heard again for the "he says" after it.
  const author = mention.phrase.type === 'definite' ? context.documents?.authorFor(mention.phrase.words) : null;
  if (author) {
    const entity = authorAsSpeaker(author, book);
    book.noteSpeaker(entity);
    return entity;
  }
  // "la abogada … sostiene": a noun of a person stands for the one heard just before, heard here again.
  if (mention.phrase.type === 'definite') {
    const person = personDescribedAsSubject(mention.phrase.words, book);
    if (person) book.noteSpeaker(person);
    return person;
  }
  const entity = resolvePhrase(mention.phrase, book, context);
  // "He also offered no excuses. '…'": a pronoun subject points at the quotation after it, but adds nobody new.
  // "It said ads …": an organisation's "it" as a subject makes it heard here, for the "it said" that follows.
  if (mention.phrase.type === 'pronoun' && entity?.kind === 'organisation') book.noteSpeaker(entity);
  if (mention.phrase.type === 'pronoun') return entity?.kind === 'person' ? entity : null;
  // "Ein junger Polizist wird knallrot. „…“": a described subject, for the quotation after it and "der junge Polizist".
  if (mention.subjectOnly && entity?.kind === 'description') {
    book.noteSpeaker(entity);
    return entity;
  }
  if (entity === null || (mention.subjectOnly && (entity.kind !== 'person' || !entity.name.includes(' ')))) return null;
  // "Afghanistan is the largest …" after a headline ending "…: Leave Afghanistan": a one-word subject counts only
  // as a full name whose first word stood capitalised inside a sentence somewhere (a given name, not "Leave").
  const written = mention.phrase.type === 'name' ? mention.phrase.words : [];
  const given = entity.name.split(' ')[0] ?? '';
  if (mention.subjectOnly && written.length === 1 && !isFirstName(given) && !book.isProperNoun(given)) return null;
  book.noteSpeaker(entity);
  return entity;
}

export function resolvedName(mention: Mention, book: NameBook, context: SpeakerContext): string | null {
  return resolvePhrase(mention.phrase, book, context)?.name ?? null;
}

/**
 * Whether a definite subject ("Der Mann veröffentlicht …", "The woman returned …") stands for someone the article
 * has not heard: a description of nobody known yet.
 */
export function isUnknownSubject(mention: Mention, book: NameBook, context: SpeakerContext): boolean {
  return mention.phrase.type === 'definite' && resolvePhrase(mention.phrase, book, context) === null;
}
