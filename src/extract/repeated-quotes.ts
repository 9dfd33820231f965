/**
 * Pull quotes: pages repeat a quotation further down, set apart with no attribution ("“El cambio climático es un
 * fenómeno …”" alone in its paragraph). The repeat belongs to whoever the article credited with it the first time,
 * not to the speaker of the paragraph it happens to follow.
 */
import type { NamedEntity } from './names.js';

/** A quotation is recognised as a repeat by its first this-many words; shorter ones are too common to tell. */
const KEY_WORDS = 8;

/** The words a repeated quotation is recognised by: its first eight, in lower case; null when it is shorter. */
export function repeatKey(quoted: string): string | null {
  const words = quoted.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= KEY_WORDS ? words.slice(0, KEY_WORDS).join(' ') : null;
}

/** Who the article credited with each quotation so far, by its repeat key. */
export type SaidSoFar = Map<string, NamedEntity>;
