/**
 * A paragraph that quotes one person and names nobody else: "Or, chez nous, l'affaire n'a pas été prise au
 * sérieux : « … ». Puis « … », détaille Mme Morel." The quotation before the attributed one, when it opens its
 * sentence or follows a colon, is that person's too. Read after the paragraph's own attribution, backwards only.
 */
import { isReportingVerb } from './attribution.js';
import type { NamedEntity } from './names.js';
import type { QuoteSpan } from './quote-marks.js';
import { tokenize } from './tokens.js';

/** Fills the speakerless quotations that stand before one by the paragraph's only speaker, when `onlyAbout` agrees. */
export function shareParagraphSpeaker(
  masked: string,
  spans: QuoteSpan[],
  speakers: (NamedEntity | null)[],
  sentenceStartBefore: (offset: number) => number,
  onlyAbout: (speaker: NamedEntity) => boolean,
): void {
  const heard = new Set(speakers.filter((speaker) => speaker !== null).map((speaker) => speaker.name));
  const last = speakers.findLast((speaker) => speaker !== null);
  if (heard.size !== 1 || !last || last.kind !== 'person' || !onlyAbout(last)) return;
  const lastAt = speakers.lastIndexOf(last);
  spans.forEach((span, i) => {
    if (i >= lastAt || speakers[i] !== null) return;
    const lead = masked.slice(sentenceStartBefore(span.open), span.open);
    // A lead with a reporting verb has a speaker of its own that the passes could not read.
    if (/(?:^|:)\s*$/u.test(lead) && !tokenize(lead).some(isReportingVerb)) speakers[i] = last;
  });
}
