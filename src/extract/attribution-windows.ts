/**
 * Where a quotation's attribution is read: the words right after it ("…,' she said", "«…», dijo", "… – Jane
 * Doe") or before it in the same sentence ("X said: '…'", "according to X, '…'"). Phrases only; speakers.ts
 * resolves them to people.
 */
import { isParticiple, isReportingVerb, phraseAt, phraseBeforeVerb, type SpeakerPhrase } from './attribution.js';
import { documentAuthorAt, type DocumentBook } from './document-authors.js';
import { followsIssuedStatement } from './issued-statements.js';
import { organisationSubject } from './organisation-subjects.js';
import { sentenceSubject } from './sentence-subject.js';
import { ACCORDING_WORDS, AUXILIARIES } from './lexicon.js';
import { readName } from './names.js';
import { isLowerCaseWord, tokenize, type Token } from './tokens.js';

/** Last words of newspaper and broadcaster names: the channel that carried a quotation, not its speaker. */
const PUBLICATION_WORDS = new Set(
  `Times News Post Journal Review Herald Tribune Guardian Telegraph Gazette Chronicle Independent Observer
  Mail Express Star Sun Mirror Standard Record Inquirer Examiner Globe Bulletin Courier Dispatch Register
  Today Press Reuters AP AFP BBC CNN NBC CBS ABC Fox Bloomberg Politico Axios Zeitung Spiegel Monde Figaro
  País Mundo Folha Globo`.split(/\s+/),
);

export const DASHES = new Set(['—', '–', '-', '―']);

/** English conjunctions that open a new clause after a quotation rather than its attribution. */
const NEW_CLAUSE = new Set(`while whereas but although though and or because since when after before so`.split(/\s+/));

export type Attribution = SpeakerPhrase | 'inherit' | null;

function skipLeadingPunctuation(tokens: Token[]): Token[] {
  let i = 0;
  while (i < tokens.length && !tokens[i]?.word && tokens[i]?.text !== '.') i++;
  return tokens.slice(i);
}

/** "affirme-t-elle", "dit-il", "glisse-t-il": a French verb with its subject pronoun joined on. */
const INVERTED = /^(\p{L}+)-(?:t-)?(il|elle|ils|elles|on)$/u;

/** "…,' she said" / "…,” said Tom Ashby" / "…' – Jane Doe" / "…,' according to X" / "«…», affirme-t-elle". */
export function attributionAfter(window: string, context: SpeakerContext): Attribution {
  const startsWithDash = DASHES.has(window.trimStart()[0] ?? '');
  let tokens = skipLeadingPunctuation(tokenize(window));
  if (AUXILIARIES.has(tokens[0]?.text ?? '') && isReportingVerb(tokens[1])) tokens = tokens.slice(1);
  const first = tokens[0];
  if (first === undefined || !first.word) return null;
  const inverted = INVERTED.exec(first.text);
  // "affirme-t-elle", and "a-t-il déclaré" with its auxiliary inverted before the participle.
  const invertedVerb = AUXILIARIES.has(inverted?.[1] ?? '') ? tokens[1] : { ...first, text: inverted?.[1] ?? '' };
  if (inverted && isReportingVerb(invertedVerb)) return { type: 'pronoun', pronoun: inverted[2] ?? '' };
  if (isReportingVerb(first)) {
    const phrase = documentAuthorAt(tokens, 1) ?? phraseAt(tokens, 1) ?? phraseAfterAside(tokens, 1);
    // "«…», dijo." in a language that drops pronouns: the speaker is whoever spoke last.
    if ((phrase === null || phrase.type === 'unnamed') && context.dropsPronouns)
      return { type: 'pronoun', pronoun: '' };
    return phrase ?? { type: 'unnamed' };
  }
  if (isAccording(tokens, 0)) {
    // "…,' according to the Bronx Times": a publication that reported the words did not say them; the
    // sentence before the quotation may still name the speaker.
    const source = phraseAt(tokens, tokens[0]?.text === 'according' ? 2 : 1);
    return source?.type === 'name' && PUBLICATION_WORDS.has(source.words.at(-1) ?? '') ? null : source;
  }
  if (startsWithDash) return phraseAt(tokens, 0);
  // '"manageable", while the Bank of England warned of "…"': a new clause, whose speaker is the next quotation's.
  if (NEW_CLAUSE.has(first.text)) return null;
  for (let v = 1; v < Math.min(tokens.length, 14); v++) {
    const token = tokens[v];
    if (token === undefined || token.text === '.' || token.text === ';') break;
    if (!isReportingVerb(token) && !isPassiveQuote(tokens, v)) continue;
    const phrase = phraseBeforeVerb(tokens, v);
    // "…" aimed at her government, said Adil Najam, a professor': the verb comes first, its speaker after it.
    if (phrase === 'coordinated' && tokens[v - 1]?.text === ',') {
      const after = phraseAt(tokens, v + 1);
      return after?.type === 'name' || after?.type === 'description' ? after : null;
    }
    return phrase === 'coordinated' ? null : phrase;
  }
  return null;
}

/** "the minister, X, was quoted as saying": a passive "quoted as" reports speech like "said". */
function isPassiveQuote(tokens: Token[], v: number): boolean {
  return (
    tokens[v]?.text === 'quoted' &&
    tokens[v + 1]?.text === 'as' &&
    ['was', 'is', 'were', 'been'].includes(tokens[v - 1]?.text ?? '')
  );
}

/**
 * '"….” Mr Bailey said.': after a quotation that ends its own sentence, a sentence that is nothing but a short
 * attribution (a few words, a reporting verb, a full stop, then the paragraph or the next quotation) still
 * belongs to it.
 */
export function isBareAttribution(window: string): boolean {
  const trimmed = window.trim();
  // '"…!" said someone who called in to the meeting.': no sentence opens on a lower-case verb, so this one is
  // the quotation's attribution, however long.
  const first = tokenize(trimmed.slice(0, 30))[0];
  if (isLowerCaseWord(first) && isReportingVerb(first)) return true;
  if (!/^[^.!?]{3,60}[.]$/u.test(trimmed)) return false;
  const tokens = tokenize(trimmed).filter((token) => token.word);
  return tokens.length <= 6 && tokens.some((token) => isReportingVerb(token));
}

/** "lamenta, por su parte, Iris Avellaneda": the name after a short aside set off by commas. */
function phraseAfterAside(tokens: Token[], at: number): SpeakerPhrase | null {
  if (tokens[at]?.text !== ',') return null;
  const close = tokens.findIndex((token, index) => index > at + 1 && index <= at + 5 && token.text === ',');
  if (close < 0 || !tokens.slice(at + 1, close).every(isLowerCaseWord)) return null;
  const phrase = phraseAt(tokens, close + 1);
  return phrase?.type === 'name' ? phrase : null;
}

/** "according to X", "laut X", "selon X", "según X", "segundo X" at `at`. */
function isAccording(tokens: Token[], at: number): boolean {
  const word = tokens[at]?.text.toLowerCase() ?? '';
  return (word === 'according' && tokens[at + 1]?.text === 'to') || ACCORDING_WORDS.has(word);
}

/** "X said: '…'", "X, role, said '…'", "according to X, '…'", "X claimed that while '…'", ", adding: '…'". */
export function attributionBefore(tokens: Token[], sentence: Token[] | null): Attribution {
  let sawParticiple = false;
  for (let v = tokens.length - 1; v >= 0; v--) {
    const token = tokens[v];
    if (isAccording(tokens, v)) {
      const phrase = phraseAt(tokens, tokens[v]?.text.toLowerCase() === 'according' ? v + 2 : v + 1);
      if (phrase) return phrase;
    }
    if (isParticiple(token)) {
      // "Tom Ashby, director of X, calling the rise '…'": the participle's own subject, when it names one.
      const subject = phraseBeforeVerb(tokens, v);
      if (subject !== null && subject !== 'coordinated' && subject.type === 'name') return subject;
      // "Bush also ruled out talks, saying: '…'": the participle's subject is the sentence's.
      // "The ministry issued a statement saying: '…'": the statement's words are its issuer's (issued-statements.ts).
      const subjectOwns = tokens[v - 1]?.text === ',' || followsIssuedStatement(tokens, v);
      const sentenceOwn = subjectOwns && sentence ? (sentenceSubject(sentence) ?? organisationSubject(sentence)) : null;
      // "The church responded with a statement, calling …": a definite subject, resolved or left empty later.
      if (sentenceOwn?.type === 'name' || sentenceOwn?.type === 'definite') return sentenceOwn;
      sawParticiple = true;
      continue;
    }
    if (!isReportingVerb(token)) continue;
    // German "so Precht: '…'", "so ein Sprecher": the speaker follows "so", whatever stands before it.
    if (token?.text.toLowerCase() === 'so') {
      const after = phraseAt(tokens, v + 1);
      if (after?.type === 'name' || after?.type === 'description') return after;
      continue;
    }
    const phrase = phraseBeforeVerb(tokens, v);
    if (phrase === 'coordinated') {
      const subject = sentence ? (sentenceSubject(sentence) ?? organisationSubject(sentence)) : null;
      // Not a subject that names nobody ("Auf", "Es"): those leave the speaker to the words after the verb.
      if (subject && (subject.type !== 'name' || readName(subject.words) !== null)) return subject;
      // "Auf die Frage, ob …, sagte Trump am Montag: „…“": after a fronted clause the speaker follows the verb.
      const after = tokens[v - 1]?.text === ',' ? phraseAt(tokens, v + 1) : null;
      if (after?.type === 'name') return after;
      continue;
    }
    // "– said Tom Ashby, '…'": the name right after the verb; not "promised to hold other IRS officials …".
    if (phrase === null) {
      const after = tokens[v + 1];
      if (after && (!isLowerCaseWord(after) || ['a', 'an', 'the'].includes(after.text))) return phraseAt(tokens, v + 1);
      continue;
    }
    if (phrase.type !== 'unnamed') return phrase;
  }
  return sawParticiple ? 'inherit' : null;
}

/** What the article's language changes in attribution. */
export interface SpeakerContext {
  /** Spanish, Portuguese: "dijo" alone means the last speaker. */
  dropsPronouns: boolean;
  /** German: a capitalised run is a person only with a given name or a full name used before. */
  capitalisesNouns: boolean;
  /** The documents the article named with their authors (document-authors.ts). */
  documents?: DocumentBook;
}

/** "With those words,", "Con esa frase,", "Mit diesen Worten,", "Par ces mots,", "Com essas palavras,". */
const POINTING_BACK =
  /^\s*(?:with|con|mit|par|avec|com)\s+(?:these|those|this|that|esa|esas|esta|estas|ese|este|diesen|dieser|diesem|ces|cette|ce|essa|essas|esse)\s+(?:words?|remarks?|frases?|palabras?|worten|satz|mots?|phrases?|palavras?)\s*,/iu;

/**
 * '"…". Con esa frase, Alberto Ruiz respondió …': the sentence after a quotation points back at its words and
 * names who said them as its subject. Null unless it opens so and its subject is a name.
 */
export function speakerPointedBack(sentence: string): SpeakerPhrase | null {
  const match = POINTING_BACK.exec(sentence);
  if (!match) return null;
  const subject = sentenceSubject(tokenize(sentence.slice(match[0].length)));
  return subject?.type === 'name' ? subject : null;
}
