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
  speakerPointedBack,
  type Attribution,
  type SpeakerContext,
} from './attribution-windows.js';
import { isReportingVerb, PRONOUNS } from './attribution.js';
import { shareJoinedSpeakers } from './coordinated-quotes.js';
import { colonIntroduction } from './colon-introductions.js';
import { describedSpeakerFor } from './described-pronouns.js';
import { foreignDescribedSpeaker } from './foreign-descriptions.js';
import { impersonalSource } from './german-heisst-es.js';
import { isBareVerbBeforeColon } from './dropped-subjects.js';
import { isFirstName } from './first-names.js';
import { sentenceSubject } from './sentence-subject.js';
import type { NameBook } from './name-book.js';
import { isNeverAName, readName, type NamedEntity } from './names.js';
import type { QuoteSpan } from './quote-marks.js';
import { maskQuotations, sentenceStartAfter, sentenceStartBefore, sentenceStarts } from './sentences.js';
import { isUnknownSubject, MENTION_CHARS, mentionsIn, noteMention, resolvedName } from './speaker-mentions.js';
import { continuesReportedSpeech, readReportedSentences, type ReportedSentences } from './reported-speech.js';
import { repeatKey, type SaidSoFar } from './repeated-quotes.js';
import { opinionHolder } from './opinion-holders.js';
import { stillAbout, stillTheirs } from './paragraph-continuation.js';
import { paragraphNames } from './paragraph-names.js';
import { shareParagraphSpeaker } from './paragraph-speaker.js';
import { createRoleBook, type RoleBook } from './role-book.js';
import { withPlaceSource } from './place-sources.js';
import { resolvePhrase } from './speaker-resolution.js';
import { voxPopFor } from './vox-pops.js';
import { tokenize } from './tokens.js';

export type { SpeakerContext } from './attribution-windows.js';

/** Attribution windows are read this far at most, which bounds the work on hostile paragraphs. */
const WINDOW_CHARS = 400;

/** English definite articles: English descriptions are resolved in speaker-resolution.ts. */
const ENGLISH_DEFINITE = new Set(['the', 'The', 'this', 'This', 'that', 'That']);

/** At most this many words before the colon of a lead-in ("Ernster Nachsatz:", "Seine Prognose im Radio:"). */
const LEAD_IN_WORDS = 8;

/** A short phrase ending on a colon that names nobody, refers to nobody and reports nothing. */
function isLeadIn(lead: string, book: NameBook): boolean {
  const trimmed = lead.trimEnd();
  if (!trimmed.endsWith(':') || /[.!?;]/u.test(trimmed)) return false;
  const words = tokenize(trimmed).filter((token) => token.word);
  return (
    words.length > 0 &&
    words.length <= LEAD_IN_WORDS &&
    !words.some(
      (word) =>
        isReportingVerb(word) ||
        PRONOUNS.has(word.text) ||
        isFirstName(word.text) ||
        book.personBySurname(word.text) !== null,
    )
  );
}

/** What a paragraph's quotations inherit from the paragraph before. */
export interface CarriedSpeaker {
  entity: NamedEntity | null;
  /** Who the article's earlier quotations were credited to (repeated-quotes.ts); filled here. */
  said?: SaidSoFar;
  /** The roles the article gave the people it brought in (role-book.ts); filled here. */
  roles?: RoleBook;
  /** The known people the paragraph named, speaking or not, for a pronoun nobody spoke before. */
  people?: NamedEntity[];
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
  (carried.roles ??= createRoleBook()).noteParagraph(text, peopleNamed);
  const masked = maskQuotations(text, spans);
  const names = paragraphNames(text, masked, peopleNamed, book);
  const { lastKnownBefore, lastProperNounBefore, namedBefore, knownPeopleNamed } = names;
  context.documents?.noteParagraph(masked);
  const starts = sentenceStarts(masked.slice(0, MENTION_CHARS));
  const mentions = mentionsIn(masked, starts, context.documents);
  let nextMention = 0;
  let lastMentioned: NamedEntity | null = null;
  let lastMentionAt = -1;
  /** Whether a sentence of this paragraph so far had a definite subject that stands for nobody known. */
  let unknownSubject = false;
  const noteMentionsBefore = (offset: number): void => {
    while (nextMention < mentions.length && (mentions[nextMention]?.at ?? 0) < offset) {
      const mention = mentions[nextMention++];
      if (mention && isUnknownSubject(mention, book, context)) unknownSubject = true;
      const entity = mention ? noteMention(mention, book, context) : null;
      if (entity && mention) [lastMentioned, lastMentionAt] = [entity, mention.at];
    }
  };
  const speakers: (NamedEntity | null)[] = [];
  let reported: ReportedSentences | null = null;
  spans.forEach((span, i) => {
    noteMentionsBefore(span.open);
    const previous = spans[i - 1];
    const next = spans[i + 1];
    const previousEnd = previous ? previous.close + 1 : 0;
    const sentenceStart = sentenceStartBefore(starts, span.open);
    const windowStart = Math.max(sentenceStart, previousEnd, span.open - WINDOW_CHARS);
    const beforeTokens = tokenize(masked.slice(windowStart, span.open));

    const quoted = text.slice(span.open + 1, span.close).trimEnd();
    const key = repeatKey(quoted);
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
    // '"…". Con esa frase, …': the stop may stand after the closing mark.
    const stopAfter = !endsSentence && /^\s*[.!?]\s*$/u.test(afterWindow);
    if ((endsSentence || stopAfter) && attribution === null && span.closed) {
      // The next sentence, when it is only '… Mr Bailey said.'.
      const sentenceEnd = Math.min(
        next ? next.open : text.length,
        sentenceStartAfter(starts, afterEnd + 1, text.length),
        span.close + WINDOW_CHARS,
      );
      const nextSentence = masked.slice(span.close + 1, sentenceEnd).replace(/^\s*[.!?]/u, '');
      if (endsSentence && isBareAttribution(nextSentence)) attribution = attributionAfter(nextSentence, context);
      else attribution = speakerPointedBack(nextSentence);
    }
    // "«…», señalaron desde la oposición": a plural verb without subject credits the place after it.
    if (context.dropsPronouns) attribution = withPlaceSource(attribution, afterWindow);
    // "Y remató: «…»": a verb alone before the colon, its subject dropped, continues whoever spoke last.
    if (attribution === null && context.dropsPronouns && sentence !== null && isBareVerbBeforeColon(beforeTokens))
      attribution = { type: 'pronoun', pronoun: '' };
    if (attribution === null || (attribution !== 'inherit' && attribution.type === 'unnamed')) {
      const before = attributionBefore(beforeTokens, sentence);
      if (before !== null) attribution = before;
    }
    if (attribution === null && sentence !== null) attribution = opinionHolder(beforeTokens);
    let subject: Attribution = null;
    if (attribution === null && sentence !== null && beforeTokens.some((token) => token.word)) {
      subject = sentenceSubject(beforeTokens);
      // 'Das sei „…“', 'That was "…"': a subject that names nobody leaves the quotation to the one before it.
      // "Seine Prognose im Radio: „…“": a run opened by a word that is never a name, and that stands for nobody
      // known, names nobody either (not "Doch Marchetti will …").
      const namesNobody =
        subject?.type === 'name' &&
        (readName(subject.words) === null ||
          (isNeverAName(subject.words[0] ?? '') && resolvePhrase(subject, book, context) === null));
      attribution = namesNobody ? null : subject;
    }
    let speaker: NamedEntity | null;
    if (attribution === null || attribution === 'inherit') {
      // A quotation that opens the paragraph continues the previous paragraph's speaker; one that opens a
      // later sentence of it belongs to nobody the sieve can be sure of.
      const lead = masked.slice(0, span.open);
      // "Ernster Nachsatz: „…“", "His verdict: '…'": a short lead-in that ends on a colon, names nobody and
      // reports nothing opens the paragraph as well as the quotation would.
      // A title quoted inside the lead-in ("Seine Prognose in den „Abendgesprächen“:") credited to nobody leaves it one.
      const opensParagraph =
        !/[\p{L}\p{N}]/u.test(lead) || (speakers.every((earlier) => earlier === null) && isLeadIn(lead, book));
      const repeated = key === null ? undefined : carried.said?.get(key);
      speaker = repeated ?? (opensParagraph ? carried.entity : i > 0 ? (speakers[i - 1] ?? null) : null);
      // 'Ruano said the signals remain his issue. "For me, …"': a quotation that opens the sentence after one
      // whose subject was reported speaking belongs to that subject, even when that sentence quoted a phrase
      // credited to nobody ('After "…" by the choir, Ruano was worried. "…"').
      const previousSentence = sentenceStartBefore(starts, sentenceStart - 1);
      if (
        speaker === null &&
        (i === 0 || previous === undefined || previous.close < previousSentence || speakers[i - 1] === null) &&
        !opensParagraph &&
        sentence !== null &&
        !beforeTokens.some((t) => t.word)
      )
        speaker = lastMentionAt >= previousSentence && sentenceStart > 0 ? lastMentioned : null;
      // 'Moreover, the contestants know the drill. "They have seen the show."': a paragraph whose narrative names
      // nobody, and has no subject anyone could be ("He also had no praise"), goes on with the person the
      // paragraph before quoted last.
      if (speaker === null && i === 0 && sentence !== null && !beforeTokens.some((t) => t.word))
        speaker = nextMention === 0 && lastProperNounBefore(span.open) === null ? carried.entity : null;
    } else {
      const voxPop = attribution.type === 'pronoun' ? voxPopFor(attribution.pronoun, text, span.open, book) : null;
      speaker =
        voxPop ??
        resolvePhrase(attribution, book, context, {
          ...names.soFar(span.open),
          unknownSubject: () => unknownSubject,
          namedInParagraphBefore: () => carried.people ?? [],
        });
      // "sagte die Ministerin" after "Die Ministerin Anna Keller": the one person brought in with that noun, unless
      // the paragraph has named another, even as an object, before the quotation. English descriptions are read in
      // speaker-resolution.ts.
      if (speaker === null && attribution.type === 'definite' && !ENGLISH_DEFINITE.has(attribution.words[0] ?? '')) {
        const name = carried.roles?.personFor(attribution.words) ?? null;
        if (name !== null && lastKnownBefore(span.open, name, true) === null)
          speaker = book.resolve({ name, kind: 'person', gender: null });
        speaker ??= foreignDescribedSpeaker(attribution.words, book, {
          namedOtherThan: (name) => lastKnownBefore(span.open, name, true) !== null,
        });
      }
      const nobodyNamed = (): boolean => namedBefore(span.open).length === 0 && lastKnownBefore(span.open, '') === null;
      if (speaker === null && attribution.type === 'pronoun' && nobodyNamed())
        speaker = describedSpeakerFor(attribution.pronoun, book);
    }
    // "Sein Fazit: „…“" in a paragraph that names the last speaker and nobody else: still that speaker's words.
    if (speaker === null && (attribution === null || attribution === subject) && speakers.every((s) => s === null))
      speaker = stillTheirs(carried.entity, masked, sentenceStart, span.open, peopleNamed, book);
    // "„…“, hieß es in einer Mitteilung der Behörde": German's impersonal attribution credits a body.
    if (speaker === null && context.capitalisesNouns)
      speaker = impersonalSource(afterWindow, masked.slice(0, span.open));
    // German reported speech: "Vielmehr sei … „…“" is the words of whoever the paragraph reported last. German is
    // the language here that marks reported speech by its verbs, and the one that capitalises its nouns.
    if (speaker === null && context.capitalisesNouns && (attribution === null || attribution === subject)) {
      reported ??= readReportedSentences(masked, starts);
      const fromQuote = previous ? previous.close : -1;
      const from = lastMentioned !== null && lastMentionAt > fromQuote ? lastMentionAt : fromQuote;
      const opensSentence = sentence !== null && !beforeTokens.some((token) => token.word);
      if (continuesReportedSpeech(reported, from, span.open, opensSentence))
        speaker = from < 0 ? carried.entity : from === fromQuote ? (speakers[i - 1] ?? null) : lastMentioned;
    }
    if (speaker && key !== null && !carried.said?.has(key)) (carried.said ??= new Map()).set(key, speaker);
    if (speaker) book.noteSpeaker(speaker);
    speakers.push(speaker);
  });
  shareParagraphSpeaker(
    masked,
    spans,
    speakers,
    (offset) => sentenceStartBefore(starts, offset),
    (speaker) => stillAbout(speaker, masked.slice(0, MENTION_CHARS), peopleNamed, book),
  );
  shareJoinedSpeakers(text, spans, speakers);
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
  // "In the recording, Marek says:": the speaker a closing colon brings in (colon-introductions.ts).
  const colon = colonIntroduction(masked, starts, spans.at(-1)?.close ?? -1);
  const colonSpeaker = colon && resolvePhrase(colon, book, context, names.soFar(text.length));
  if (colonSpeaker) carried.entity = colonSpeaker;
  carried.people = knownPeopleNamed();
  return speakers;
}
