/**
 * Who said each quotation of a paragraph. The attribution is looked for right after the quotation
 * ("…,' she said"), then before it in the same sentence ("Kalin claimed that while '…'"), then inherited from
 * the quotation it continues; pronouns, roles and surnames are resolved against the article's name book.
 */
import {
  attributionAfter,
  attributionBefore,
  DASHES,
  isBareAttribution,
  type Attribution,
  type SpeakerContext,
} from './attribution-windows.js';
import { isReportingVerb, phraseAt, phraseBeforeVerb, type SpeakerPhrase } from './attribution.js';
import { sentenceSubject } from './sentence-subject.js';
import type { NameBook } from './name-book.js';
import { isFirstName } from './first-names.js';
import { PRONOUN_GENDER } from './lexicon.js';
import { isNeverAName, readName, type NamedEntity } from './names.js';
import type { QuoteSpan } from './quote-marks.js';
import { maskQuotations, sentenceStartAfter, sentenceStartBefore, sentenceStarts } from './sentences.js';
import { isCapitalised, tokenize } from './tokens.js';

export type { SpeakerContext } from './attribution-windows.js';

/** Attribution windows are read this far at most, which bounds the work on hostile paragraphs. */
const WINDOW_CHARS = 400;
/** Mentions are read from the first this-many characters of a paragraph; real paragraphs are far shorter. */
const MENTION_CHARS = 20_000;

/** What the paragraph has named before the quotation being attributed, read only when a pronoun needs it. */
interface ParagraphSoFar {
  named(): NamedEntity[];
  lastKnown(): NamedEntity | null;
  lastProperNoun(): string | null;
}
const NOTHING_HERE: ParagraphSoFar = { named: () => [], lastKnown: () => null, lastProperNoun: () => null };

/** Words after which a name is talked about rather than talking. */
const OBJECT_LINKS = new Set(
  `the about of with to for against by from on at over than von mit zu für gegen über à avec pour contre sur de con para sobre com`.split(
    /\s+/,
  ),
);

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

/** Turns a phrase into a named speaker using what the article said before. */
function resolvePhrase(
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
        // A pronoun reaches the person heard in this paragraph or the one before, never further back.
        const person = book.lastPerson(gender ?? null, PRONOUN_REACH);
        // "Hörmann attacked him. … Weikert had not expected that. '…,' he said.": when the last speaker was heard
        // in an earlier paragraph and this one has since named another person who fits, the pronoun is unsure.
        const other = person && !book.heardThisParagraph(person.name) ? here.lastKnown() : null;
        const fits =
          other !== null && other.name !== person?.name && (!gender || !other.gender || other.gender === gender);
        if (fits) return null;
        if (person) return person.kind === 'person' && gender ? { ...person, gender } : person;
        // "So too the mayor, Joël Niederlaender. '…,' he says": nobody heard speaking yet, but the paragraph
        // named exactly one person whose given name fits the pronoun before the quotation.
        if (!gender) return null;
        const fitting = here.named().filter((named) => named.gender === gender);
        return fitting.length === 1 ? (fitting[0] ?? null) : null;
      }
      // "it said": the organisation heard in this paragraph or the one before; a one-word name that may be a
      // company only when this paragraph has not since named something else ("…put this to Fortinet. '…,' it said").
      const organisation = book.lastOrganisation(PRONOUN_REACH);
      if (organisation) return organisation;
      const lone = book.lastOrganisation(PRONOUN_REACH, true);
      const since = lone && !book.heardThisParagraph(lone.name) ? here.lastProperNoun() : null;
      return since !== null && since !== lone?.name ? null : lone;
    }
    case 'organisation-role': {
      const organisation = book.lastOrganisation();
      return organisation && phrase.spokesperson ? { ...organisation, spokesperson: true } : organisation;
    }
    case 'description':
      return { name: phrase.words.join(' '), kind: 'description', gender: null };
    case 'unnamed':
      return null;
  }
}

interface Mention {
  at: number;
  phrase: SpeakerPhrase;
  /** Sentence subjects count only when they name someone in full; reporting verbs always count. */
  subjectOnly: boolean;
}

/**
 * The people and organisations a paragraph reports speaking ("Lyse Doucet has indicated") or makes the
 * subject of a sentence ("Sané, a former finance minister, addressed …"), by position, for later pronouns.
 */
function mentionsIn(masked: string, starts: number[]): Mention[] {
  const tokens = tokenize(masked.slice(0, MENTION_CHARS));
  const mentions: Mention[] = [];
  let next = 0;
  for (const start of starts) {
    if (start >= MENTION_CHARS) break;
    while (next < tokens.length && (tokens[next]?.start ?? 0) < start) next++;
    const subject = sentenceSubject(tokens.slice(next, next + 12));
    if (subject?.type === 'name') mentions.push({ at: start, phrase: subject, subjectOnly: true });
  }
  tokens.forEach((token, v) => {
    if (!isReportingVerb(token)) return;
    const phrase = phraseBeforeVerb(tokens, v);
    if (phrase !== null && phrase !== 'coordinated' && phrase.type === 'name')
      mentions.push({ at: token.start, phrase, subjectOnly: false });
    // ", sagt Flixbus-Manager Stenger.", ", said Adil Najam": the speaker after the verb, after a comma.
    else if (tokens[v - 1]?.text === ',' && isCapitalised(tokens[v + 1])) {
      const after = phraseAt(tokens, v + 1);
      if (after?.type === 'name') mentions.push({ at: token.start, phrase: after, subjectOnly: false });
    }
  });
  return mentions.sort((a, b) => a.at - b.at);
}

function noteMention(mention: Mention, book: NameBook, context: SpeakerContext): NamedEntity | null {
  const entity = resolvePhrase(mention.phrase, book, context);
  if (entity === null || (mention.subjectOnly && (entity.kind !== 'person' || !entity.name.includes(' ')))) return null;
  book.noteSpeaker(entity);
  return entity;
}

function resolvedName(mention: Mention, book: NameBook, context: SpeakerContext): string | null {
  return resolvePhrase(mention.phrase, book, context)?.name ?? null;
}

/** What a paragraph's quotations inherit from the paragraph before. */
export interface CarriedSpeaker {
  entity: NamedEntity | null;
}

/**
 * Speakers of one paragraph's quotations, in span order. `carried` is the speaker a paragraph that opens with a
 * quotation inherits (the previous paragraph's last speaker); it is updated for the next paragraph.
 */
export function attributeParagraph(
  text: string,
  spans: QuoteSpan[],
  book: NameBook,
  carried: CarriedSpeaker,
  context: SpeakerContext,
): (NamedEntity | null)[] {
  book.startParagraph();
  const namesBefore = book.fullNameList().length;
  book.registerNames(text);
  const peopleNamed = new Set(book.fullNameList().slice(namesBefore));
  /** The capitalised words of this paragraph before `offset`, last first, that could name someone. */
  function* candidatesBefore(offset: number, asObjectToo: boolean): Generator<string> {
    const words = tokenize(masked.slice(0, Math.min(offset, MENTION_CHARS)));
    for (let k = words.length - 1; k >= 0; k--) {
      const word = words[k];
      if (!isCapitalised(word) || !word || isNeverAName(word.text)) continue;
      // "Whelan's dismissal", "about Whelan": a person talked about, not one who might be talking.
      if (/['’]s?$/u.test(word.text) || (!asObjectToo && OBJECT_LINKS.has(words[k - 1]?.text ?? ''))) continue;
      yield word.text;
    }
  }
  /** The last known person this paragraph names (in full or by surname) before `offset`. */
  const lastKnownBefore = (offset: number): NamedEntity | null => {
    for (const word of candidatesBefore(offset, false)) {
      const known = book.personBySurname(word);
      if (known && known.name.split(' ').at(-1) === word) return known;
    }
    return null;
  };
  /** The last capitalised word inside a sentence of this paragraph before `offset` (a name, a company). */
  const lastProperNounBefore = (offset: number): string | null => {
    for (const word of candidatesBefore(offset, true)) if (book.isProperNoun(word)) return word;
    return null;
  };
  /** The people this paragraph named in full before `offset`, with the gender their given name carries. */
  const namedBefore = (offset: number): NamedEntity[] =>
    [...peopleNamed]
      .filter((name) => {
        const at = text.indexOf(name);
        return at >= 0 && at < offset;
      })
      .map((name) => book.resolve({ name, kind: 'person', gender: null }));
  const masked = maskQuotations(text, spans);
  const starts = sentenceStarts(masked.slice(0, MENTION_CHARS));
  const mentions = mentionsIn(masked, starts);
  let nextMention = 0;
  let lastMentioned: NamedEntity | null = null;
  let lastMentionAt = -1;
  const noteMentionsBefore = (offset: number): void => {
    while (nextMention < mentions.length && (mentions[nextMention]?.at ?? 0) < offset) {
      const mention = mentions[nextMention++];
      const entity = mention ? noteMention(mention, book, context) : null;
      if (entity && mention) [lastMentioned, lastMentionAt] = [entity, mention.at];
    }
  };
  const speakers: (NamedEntity | null)[] = [];
  spans.forEach((span, i) => {
    noteMentionsBefore(span.open);
    const previous = spans[i - 1];
    const next = spans[i + 1];
    const previousEnd = previous ? previous.close + 1 : 0;
    const sentenceStart = sentenceStartBefore(starts, span.open);
    const windowStart = Math.max(sentenceStart, previousEnd, span.open - WINDOW_CHARS);
    const beforeTokens = tokenize(masked.slice(windowStart, span.open));

    const quoted = text.slice(span.open + 1, span.close).trimEnd();
    const endsSentence = /[.!?…]$/u.test(quoted);
    const afterEnd = Math.min(
      next ? next.open : text.length,
      sentenceStartAfter(starts, span.close, text.length),
      span.close + WINDOW_CHARS,
    );
    const afterWindow = span.closed ? masked.slice(span.close + 1, afterEnd) : '';
    const dashAfter = DASHES.has(afterWindow.trimStart()[0] ?? '');

    const sameSentenceAsPrevious = previous !== undefined && sentenceStart <= previous.open;
    const sentence = sameSentenceAsPrevious ? null : beforeTokens;
    let attribution: Attribution = !endsSentence || dashAfter ? attributionAfter(afterWindow, context) : null;
    if (endsSentence && attribution === null && span.closed) {
      // The next sentence, when it is only '… Mr Bailey said.'.
      const sentenceEnd = Math.min(
        next ? next.open : text.length,
        sentenceStartAfter(starts, afterEnd + 1, text.length),
        span.close + WINDOW_CHARS,
      );
      const nextSentence = masked.slice(span.close + 1, sentenceEnd);
      if (isBareAttribution(nextSentence)) attribution = attributionAfter(nextSentence, context);
    }
    if (attribution === null || (attribution !== 'inherit' && attribution.type === 'unnamed')) {
      const before = attributionBefore(beforeTokens, sentence);
      if (before !== null) attribution = before;
    }
    if (attribution === null && sentence !== null && beforeTokens.some((token) => token.word)) {
      attribution = sentenceSubject(beforeTokens);
    }
    let speaker: NamedEntity | null;
    if (attribution === null || attribution === 'inherit') {
      // A quotation that opens the paragraph continues the previous paragraph's speaker; one that opens a
      // later sentence of it belongs to nobody the sieve can be sure of.
      const opensParagraph = !/[\p{L}\p{N}]/u.test(masked.slice(0, span.open));
      speaker = i > 0 ? (speakers[i - 1] ?? null) : opensParagraph ? carried.entity : null;
      // 'Ruano said the signals remain his issue. "For me, …"': a quotation that opens the sentence after one
      // whose subject was reported speaking belongs to that subject.
      const previousSentence = sentenceStartBefore(starts, sentenceStart - 1);
      if (speaker === null && i === 0 && !opensParagraph && sentence !== null && !beforeTokens.some((t) => t.word))
        speaker = lastMentionAt >= previousSentence && sentenceStart > 0 ? lastMentioned : null;
    } else {
      speaker = resolvePhrase(attribution, book, context, {
        named: () => namedBefore(span.open),
        lastKnown: () => lastKnownBefore(span.open),
        lastProperNoun: () => lastProperNounBefore(span.open),
      });
    }
    if (speaker) book.noteSpeaker(speaker);
    speakers.push(speaker);
  });
  noteMentionsBefore(Number.POSITIVE_INFINITY);
  // A paragraph of narrative hands on its subject only when it is one sentence that names nobody else: after
  // "Commissioner Irena Vasko described the theft …" a quotation-only paragraph is hers, but not after a longer
  // passage or one that named two people.
  const introduced = lastMentioned as NamedEntity | null;
  const onlyPerson =
    introduced !== null &&
    starts.length <= 1 &&
    [...peopleNamed].every((name) => name === introduced.name) &&
    mentions.every((mention) => {
      const name = mention.phrase.type === 'name' ? resolvedName(mention, book, context) : null;
      return name === null || name === introduced.name;
    });
  // A paragraph whose last quotation has no speaker hands on nobody: the quotation-only paragraph after it is
  // as unsure as it was, and must not reach past it to an older speaker.
  carried.entity = spans.length > 0 ? (speakers.at(-1) ?? null) : onlyPerson ? introduced : null;
  return speakers;
}
