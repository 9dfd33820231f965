/** Small text helpers shared by the extraction steps. All run in linear time. */

/** Plain text larger than this is refused: no article is this long, and the work must stay bounded. */
export const MAX_TEXT_CHARS = 2_000_000;
/** HTML larger than this is refused; pages carry scripts and markup, so the limit is higher than for text. */
export const MAX_HTML_CHARS = 5_000_000;
/** Only the first this-many characters of a paragraph are searched for quotations. */
export const MAX_QUOTE_SCAN_CHARS = 50_000;
/** No article has more quotations than this; beyond it, the rest are not read. */
export const MAX_QUOTATIONS = 1_000;

/**
 * Unifies line endings and invisible characters so later steps see one kind of space: non-breaking and
 * other Unicode spaces become plain spaces; zero-width characters and soft hyphens disappear.
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');
}

/** Collapses every run of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Per UTF-16 code unit: 0 not yet seen, 1 neither letter nor digit, 2 a letter or digit; filled on first sight. */
const LETTER_OR_DIGIT = new Uint8Array(0x10000);

/**
 * Whether the code unit at `i` is a letter or digit (\p{L} or \p{N}, read as a lone unit); false past the end.
 * ASCII is decided by its codes and the rest by the Unicode classes once per distinct unit: this runs for every
 * character of the body text.
 */
export function isLetterOrDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (Number.isNaN(code)) return false;
  let known = LETTER_OR_DIGIT[code];
  if (known === 0) {
    known = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 2 : 1;
    LETTER_OR_DIGIT[code] = known;
  }
  return known === 2;
}

/** Chinese and Japanese characters, written without spaces: about two make a word. */
const isCjk = (code: number): boolean => (code >= 0x3040 && code <= 0x30ff) || (code >= 0x4e00 && code <= 0x9fff);

/** Number of words, counting runs of non-space characters that contain a letter or digit (CJK: 2 characters). */
export function countWords(text: string): number {
  let cjk = 0;
  let count = 0;
  let inWord = false;
  let wordHasLetter = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCjk(code)) cjk++;
    if (code === 32 || code === 10 || code === 9) {
      if (inWord && wordHasLetter) count++;
      inWord = false;
      wordHasLetter = false;
    } else {
      inWord = true;
      if (!wordHasLetter && isLetterOrDigitAt(text, i)) wordHasLetter = true;
    }
  }
  if (cjk > 0) return Math.ceil(cjk / 2);
  if (inWord && wordHasLetter) count++;
  return count;
}

/** Words in the first `limit` characters: enough to tell a short block from a long one, bounded on huge ones. */
export function countWordsUpTo(text: string, limit = 2_000): number {
  return countWords(text.length > limit ? text.slice(0, limit) : text);
}

/**
 * Text of Latin-1 characters and general punctuation (U+2000–U+206F) only, as most news copy in the languages
 * read is. Its lower case stays in that range, one character for one, so the Unicode letter and digit classes
 * can be spelt out for it below: matching them with Unicode property escapes costs several times more.
 */
export const isLatin1OrPunctuation = (text: string): boolean => !/[\u0100-\u1fff\u2070-\uffff]/.test(text);
/** In such text, lower-cased: runs of what is not a letter or digit (not \p{L} or \p{N}). */
const LATIN1_NOT_LETTER_OR_DIGIT =
  /[^0-9a-z\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]+/g;
/** In such text, lower-cased: runs of what is not a letter (not \p{L}). */
export const LATIN1_NOT_LETTER = /[^a-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]+/;

/** A key for comparing texts that differ only in case, spacing, punctuation or quotation-mark style. */
export function comparisonKey(text: string): string {
  const lower = text.toLowerCase();
  return (
    isLatin1OrPunctuation(text)
      ? lower.replace(LATIN1_NOT_LETTER_OR_DIGIT, ' ')
      : lower.replace(/[^\p{L}\p{N}]+/gu, ' ')
  ).trim();
}

/** Whether the text ends like a finished sentence, allowing closing marks and brackets after the stop. */
export function endsWithTerminalPunctuation(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && '"\'”’»“‘«›」』)] '.includes(text[i] ?? '')) i--;
  return i >= 0 && '.!?…'.includes(text[i] ?? '');
}

/** Whether the first letter of the text is upper-case (skipping leading marks and ellipses). */
export function startsWithCapital(text: string): boolean {
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) return /\p{Lu}/u.test(ch);
    if (/\p{N}/u.test(ch)) return true;
  }
  return false;
}

/** Share of words that start with a capital letter, ignoring short function words. */
export function capitalisedShare(text: string): number {
  const words = text.split(' ').filter((word) => /\p{L}/u.test(word));
  const significant = words.filter((word) => word.length > 3 || /^\p{Lu}/u.test(word));
  if (significant.length === 0) return 0;
  const capitalised = significant.filter((word) => /^[\p{P}]*\p{Lu}/u.test(word)).length;
  return capitalised / significant.length;
}
