/**
 * "In the recording, Marek says:" ending a paragraph brings in the speaker of the quotations that follow it, each
 * in a paragraph of its own. The phrase is read as the attribution of a quotation that would stand after the colon.
 */
import { attributionBefore } from './attribution-windows.js';
import type { SpeakerPhrase } from './attribution.js';
import { sentenceStartBefore } from './sentences.js';
import { tokenize } from './tokens.js';

/**
 * The speaker phrase of a paragraph's last sentence when it ends on a colon after a reporting verb ("Marek says:",
 * "according to the minister:"), read only after the paragraph's last quotation (`after`); null otherwise.
 */
export function colonIntroduction(masked: string, starts: number[], after: number): SpeakerPhrase | null {
  const trimmed = masked.trimEnd();
  if (!trimmed.endsWith(':')) return null;
  const sentenceStart = sentenceStartBefore(starts, trimmed.length - 1);
  if (sentenceStart < after) return null;
  const tokens = tokenize(trimmed.slice(sentenceStart, -1));
  const phrase = attributionBefore(tokens, tokens);
  return phrase === null || phrase === 'inherit' || phrase.type === 'unnamed' ? null : phrase;
}
