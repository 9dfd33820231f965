/**
 * A quotation with no attribution at all in a paragraph that is still about the last speaker: "Das Problem sei, so
 * Weber, … Sein Fazit: „…“" after Weber spoke in the paragraph before. The paragraph must name that speaker (by
 * surname, "Webers" too) and no other known person before the quotation; otherwise the quotation stays unattributed.
 */
import type { NameBook } from './name-book.js';
import type { NamedEntity } from './names.js';
import { isCapitalised, tokenize } from './tokens.js';

/** Whether `before` (the paragraph up to the quotation, quotations masked) names `speaker` and no other person. */
export function stillAbout(speaker: NamedEntity, before: string, newNames: Iterable<string>, book: NameBook): boolean {
  if (speaker.kind !== 'person') return false;
  const surname = speaker.name.split(' ').at(-1) ?? '';
  if ([...newNames].some((name) => name !== speaker.name)) return false;
  let named = false;
  for (const token of tokenize(before)) {
    if (!isCapitalised(token)) continue;
    // "Webers Prognose", "Weber's view": the genitive names the speaker too.
    const word = token.text.replace(/['’]?s$/u, '');
    if (token.text === surname || word === surname) named = true;
    else {
      const other = book.personBySurname(token.text);
      if (other !== null && other.name !== speaker.name) return false;
    }
  }
  return named;
}

/**
 * The last speaker, for a quotation that opens its sentence or follows a colon ("Sein Fazit: „…“") in a paragraph
 * still about them; null for one inside a sentence (a word quoted in a sentence about them) or when unsure.
 */
export function stillTheirs(
  previous: NamedEntity | null,
  masked: string,
  sentenceStart: number,
  open: number,
  newNames: Iterable<string>,
  book: NameBook,
): NamedEntity | null {
  if (previous === null || !/(?:^|:)\s*$/u.test(masked.slice(sentenceStart, open))) return null;
  return stillAbout(previous, masked.slice(0, open), newNames, book) ? previous : null;
}
