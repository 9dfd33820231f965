/**
 * Documents and recordings as speakers. English news quotes a letter, a resolution or a tape and names who is
 * behind it once: "a letter from the law firm Hale, Moss, Pryor", "a 2019 Arctic Council resolution", "an audio
 * message attributed to Ivo Marek". The words the document says are its author's, so "says the letter from …" is
 * the author, and a later "the resolution said" or "the speaker says" (the voice on the tape) is too, when the
 * article named exactly one author for that noun. A law nobody was named behind speaks as written
 * ("the legislation") when the sentence says it states something.
 */
import { phraseAt, type SpeakerPhrase } from './attribution.js';
import type { DefinitePhrase } from './definite-descriptions.js';
import { isFirstName } from './first-names.js';
import type { NameBook } from './name-book.js';
import { isNeverAName, looksLikeOrganisation, nameRunLength, readName, type NamedEntity } from './names.js';
import { isCapitalised, isLowerCaseWord, tokenize, type Token } from './tokens.js';

/** Written or recorded things whose words are their author's. */
const DOCUMENT_NOUNS = new Set(
  `letter letters resolution report study release memo memorandum email e-mail message tape audiotape videotape
  recording video complaint filing lawsuit ruling mailer leaflet flyer advertisement ad ads statement`.split(/\s+/),
);
/** Recordings: the voice on one is who it was attributed to. */
const RECORDING_NOUNS = new Set(`message tape audiotape videotape recording video audio`.split(/\s+/));
/** How an article refers to the voice on a recording: "the speaker says". */
const VOICE_NOUNS = new Set(['speaker', 'voice', 'narrator']);
/** Words that tie a document to its author: "a letter from …", "the report by …". */
const AUTHOR_LINKS = new Set(['from', 'by']);
/** Words before a document noun that make it a document of the sentence, not a sentence's first word. */
const DOCUMENT_DETERMINERS = new Set(['a', 'an', 'the', 'A', 'An', 'The']);
/** Nouns of businesses whose names may list partners between commas ("the law firm Hale, Moss, Pryor"). */
const PARTNERSHIP_NOUNS = new Set(['firm', 'partnership', 'practice']);
/** Paragraph text read for authors, which bounds the work on hostile paragraphs. */
const READ_CHARS = 4_000;

/** The documents an article named with their authors, and the voice of its recordings. */
export interface DocumentBook {
  /** Reads one paragraph (its quotations masked) for documents tied to their authors. */
  noteParagraph(masked: string): void;
  /**
   * The author a definite description stands for: "the resolution" after "a Arctic Council resolution", "the
   * speaker" after "a tape attributed to Ivo Marek". Null when the article named no author, or several.
   */
  authorFor(words: string[]): NamedEntity | null;
  /** "the legislation", as written, for a law whose noun the article tied to no author (documentAsWritten). */
  asWritten(words: string[]): NamedEntity | null;
}

const isDocumentNoun = (token: Token | undefined): boolean =>
  isLowerCaseWord(token) && DOCUMENT_NOUNS.has(token?.text ?? '');

/** A name read from `words`, an organisation unless it opens with a given name. */
function authorNamed(words: string[]): NamedEntity | null {
  const entity = readName(words);
  if (entity === null || (words.length === 1 && isNeverAName(words[0] ?? ''))) return null;
  return isFirstName(entity.name.split(' ')[0] ?? '') ? entity : { ...entity, kind: 'organisation' };
}

/**
 * Whether a name beside a document can be its author rather than its place ("a report from Kabul", "a Kabul
 * report"): a person with a given name, or a name that reads as an organisation's.
 */
function looksLikeAuthor(words: string[]): boolean {
  const name = readName(words)?.name.split(' ') ?? [];
  return name.length > 0 && (isFirstName(name[0] ?? '') || looksLikeOrganisation(name));
}

/**
 * "the law firm Hale, Moss, Pryor.": after a partnership noun, the name runs on over one-word names between
 * commas, up to the end of the sentence; anywhere else, or when the sentence goes on, the name is its first run.
 */
function partnershipNameEnd(tokens: Token[], start: number, runEnd: number): number {
  if (!PARTNERSHIP_NOUNS.has(tokens[start - 1]?.text ?? '')) return runEnd;
  let end = runEnd;
  while (tokens[end]?.text === ',' && isCapitalised(tokens[end + 1]) && nameRunLength(tokens, end + 1) === 1) end += 2;
  const closes = end === tokens.length || ['.', '!', '?'].includes(tokens[end]?.text ?? '');
  return end > runEnd && closes ? end : runEnd;
}

/** The author's name after "from"/"by" at `link`, as written: "from the law firm Hale, Moss, Pryor". */
function authorWordsAfterLink(tokens: Token[], link: number): string[] | null {
  const phrase = phraseAt(tokens, link + 1);
  if (phrase?.type !== 'name') return null;
  const start = tokens.findIndex((token, i) => i > link && token.text === phrase.words[0]);
  if (start < 0) return null;
  // "by Kabul", "from Kabul" are places; "by think-tank Westgate", "from the law firm Hale" say what the name is.
  const described = tokens.slice(link + 1, start).some((token) => isLowerCaseWord(token) && token.text !== 'the');
  if (tokens[link]?.text !== 'by' && !described && !looksLikeAuthor(phrase.words)) return null;
  const end = partnershipNameEnd(tokens, start, start + phrase.words.length);
  const words: string[] = [];
  for (const token of tokens.slice(start, end)) {
    if (token.text === ',') words[words.length - 1] += ',';
    else words.push(token.text);
  }
  return words;
}

/**
 * '"…," says the letter from the law firm Hale, Moss, Pryor.': the author of the document a reporting verb
 * points at (`start` is its article), as a name phrase; unnamed when the name after it is a place; null when the
 * phrase is no document tied to a name.
 */
export function documentAuthorAt(tokens: Token[], start: number): SpeakerPhrase | null {
  if (!DOCUMENT_DETERMINERS.has(tokens[start]?.text ?? '')) return null;
  let noun = start + 1;
  // "the open letter from …", "a joint statement by …": one or two lower-case words before the noun.
  while (noun < start + 3 && isLowerCaseWord(tokens[noun]) && !isDocumentNoun(tokens[noun])) noun++;
  if (!isDocumentNoun(tokens[noun]) || !AUTHOR_LINKS.has(tokens[noun + 1]?.text ?? '')) return null;
  const words = authorWordsAfterLink(tokens, noun + 1);
  const author = words === null ? null : authorNamed(words);
  if (words !== null && author !== null) return { type: 'name', words, organisation: author.kind === 'organisation' };
  // "says the letter from Dover": a place the document came from, not who wrote it.
  return phraseAt(tokens, noun + 2)?.type === 'name' ? { type: 'unnamed' } : null;
}

/** Possessive determiners: "his letter" has an author, but not one the article names beside it. */
const OWNERS = new Set(`his her their its our my your His Her Their Its Our My Your`.split(/\s+/));
/** A recording or a platform's message is not its channel's words: "a CNN tape", "a Facebook message". */
const CHANNELLED = new Set([...RECORDING_NOUNS, 'email', 'e-mail', 'ad', 'ads']);

/**
 * Who wrote the document at `noun`, from the words right before it: the capitalised run opened by an article or
 * a year ("a 2019 Arctic Council resolution") or ending on a possessive ("Amnesty International's report"). Null
 * when nothing names an author there; 'unknown' when a possessive gives it one the article does not name beside
 * it ("his letter", "the agency's report").
 */
function authorBefore(tokens: Token[], noun: number): NamedEntity | null | 'unknown' {
  const before = tokens[noun - 1]?.text ?? '';
  const possessive = /['’]s?$/u.test(before);
  if (OWNERS.has(before) || (possessive && !isCapitalised(tokens[noun - 1]))) return 'unknown';
  let start = noun;
  while (start > 0 && isCapitalised(tokens[start - 1])) start--;
  if (start === noun) return possessive ? 'unknown' : null;
  if (CHANNELLED.has(tokens[noun]?.text ?? '')) return 'unknown';
  const opener = /^\d{4}$/u.test(tokens[start - 1]?.text ?? '') ? start - 2 : start - 1;
  if (!possessive && !DOCUMENT_DETERMINERS.has(tokens[opener]?.text ?? '')) return null;
  const words = tokens.slice(start, noun).map((token) => token.text);
  return (looksLikeAuthor(words) ? authorNamed(words) : null) ?? (possessive ? 'unknown' : null);
}

/**
 * The speaker an author stands for: a full name as the article wrote it next to the document (the name book
 * might take "Ivo Marek" for a headline's "Purported Marek"), a single word through the book ("Arctic").
 */
export function authorAsSpeaker(author: NamedEntity, book: NameBook): NamedEntity {
  return author.name.includes(' ') ? author : book.resolve(author);
}

/**
 * Laws and bills, which speak for no author a reader would name, yet are quoted as saying things. A report or a
 * resolution has an author the article may name later, or not at all: as written, it would be a guess.
 */
const LAW_NOUNS = new Set(['legislation', 'law', 'bill', 'regulations', 'guidance', 'policy']);
/** What a law does when it says something: "the bill says", "the legislation makes clear that". */
const SAYS = new Set(['says', 'said', 'states', 'stated', 'writes', 'wrote', 'notes', 'noted', 'reads', 'read']);

/**
 * "The legislation makes clear that …", '"…," the bill says': a law nobody was named behind, as written ("the
 * legislation"), when the description is the law alone, or the law and what it says.
 */
function documentAsWritten(words: string[]): NamedEntity | null {
  const noun = words[1] ?? '';
  if (words[0]?.toLowerCase() !== 'the' || !LAW_NOUNS.has(noun)) return null;
  const rest = words.slice(2).filter((word) => !['also', 'further', 'explicitly'].includes(word));
  const says = rest.length === 0 || (rest.length === 1 && SAYS.has(rest[0] ?? ''));
  const makesClear = rest.length === 2 && ['makes', 'made'].includes(rest[0] ?? '') && rest[1] === 'clear';
  return says || makesClear ? { name: `the ${noun}`, kind: 'description', gender: null } : null;
}

/**
 * "The speaker also repeats his claim …": a sentence opened by a document or voice whose author the article named,
 * as its subject (a description too long for definite-descriptions.ts). Null for any other sentence.
 */
export function documentSubject(tokens: Token[], documents: DocumentBook | undefined): DefinitePhrase | null {
  const start = tokens.findIndex((token) => token.word);
  const words = tokens.slice(start, start + 2).map((token) => token.text);
  const opens = isLowerCaseWord(tokens[start + 1]) && isLowerCaseWord(tokens[start + 2]);
  return opens && documents?.authorFor(words) ? { type: 'definite', words } : null;
}

export function createDocumentBook(): DocumentBook {
  /** Document noun → its author, or null once two different authors were named for it. */
  const authors = new Map<string, NamedEntity | null>();
  const voices = new Map<string, NamedEntity>();
  const note = (noun: string, author: NamedEntity): void => {
    const earlier = authors.get(noun);
    authors.set(noun, earlier === undefined || earlier?.name === author.name ? author : null);
  };
  return {
    noteParagraph(masked) {
      const tokens = tokenize(masked.slice(0, READ_CHARS));
      tokens.forEach((token, i) => {
        if (!isDocumentNoun(token)) return;
        // "an audio message attributed to Ivo Marek": the recording's voice, and its author.
        if (tokens[i + 1]?.text === 'attributed' && tokens[i + 2]?.text === 'to') {
          const length = nameRunLength(tokens, i + 3);
          const voice = length > 0 ? readName(tokens.slice(i + 3, i + 3 + length).map((word) => word.text)) : null;
          if (voice) {
            note(token.text, voice);
            if (RECORDING_NOUNS.has(token.text)) voices.set(voice.name, voice);
          }
          return;
        }
        const linked = AUTHOR_LINKS.has(tokens[i + 1]?.text ?? '') ? authorWordsAfterLink(tokens, i + 1) : null;
        const author = linked === null ? authorBefore(tokens, i) : authorNamed(linked);
        if (author === 'unknown') authors.set(token.text, null);
        else if (author) note(token.text, author);
      });
    },
    authorFor(words) {
      // A description read as a subject may run on into its verb: "The speaker also repeats".
      if (!['the', 'this', 'that'].includes(words[0]?.toLowerCase() ?? '')) return null;
      const noun = words[1] ?? '';
      if (VOICE_NOUNS.has(noun)) return voices.size === 1 ? ([...voices.values()][0] ?? null) : null;
      return DOCUMENT_NOUNS.has(noun) ? (authors.get(noun) ?? null) : null;
    },
    asWritten(words) {
      return authors.has(words[1] ?? '') ? null : documentAsWritten(words);
    },
  };
}
