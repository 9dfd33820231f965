/**
 * German reported speech. A sentence in Konjunktiv I ("Vielmehr sei …", "Oft habe er …") gives someone's words at
 * second hand, so a quotation inside it, or one that opens the sentence right after it, is that someone's: the
 * speaker of the paragraph's quotation before it, else the person the paragraph last reported, else (when the
 * paragraph opens in reported speech) the previous paragraph's speaker. Only when every sentence in between
 * reports too; otherwise nobody.
 */
import { REPORTED_SPEECH_VERBS } from './lexicon.js';
import { sentenceStartBefore } from './sentences.js';

/** A masked paragraph's sentences, and which of them report speech by their verb forms. */
export interface ReportedSentences {
  starts: number[];
  reported: boolean[];
}

/** Reads each sentence of a masked paragraph (quotations masked, so only the narration's verbs count). */
export function readReportedSentences(masked: string, starts: number[]): ReportedSentences {
  const reported = starts.map((start, k) => {
    const words = masked.slice(start, starts[k + 1] ?? masked.length).split(/[^\p{L}]+/u);
    return words.some((word) => REPORTED_SPEECH_VERBS.has(word));
  });
  return { starts, reported };
}

const sentenceIndex = (sentences: ReportedSentences, offset: number): number =>
  sentences.starts.lastIndexOf(sentenceStartBefore(sentences.starts, offset));

/**
 * Whether the quotation at `quoteAt` continues reported speech begun after `from` (an offset in the paragraph, or
 * -1 for its start): every sentence after the one holding `from` reports, up to the quotation's own, which
 * reports too or opens with the quotation (`opensSentence`).
 */
export function continuesReportedSpeech(
  sentences: ReportedSentences,
  from: number,
  quoteAt: number,
  opensSentence: boolean,
): boolean {
  const first = from < 0 ? 0 : sentenceIndex(sentences, from) + 1;
  const own = sentenceIndex(sentences, quoteAt);
  for (let k = first; k < own; k++) if (!sentences.reported[k]) return false;
  return sentences.reported[own] === true || (opensSentence && own > first);
}
