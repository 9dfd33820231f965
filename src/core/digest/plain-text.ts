/**
 * Feed-supplied text made safe to show as plain text: one line, no control characters (terminal
 * escapes), no invisible or direction-changing characters that could hide or reorder what is
 * shown. Markup characters are kept as they are: each renderer escapes them for its own format.
 */

// C0/C1 controls, soft hyphen, zero-width characters (the joiner apart), bidi marks, overrides and
// isolates, invisible operators, variation-selector-like fillers and the byte-order mark.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- matching these characters one by one is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]/g;
// The zero-width joiner is kept only inside an emoji sequence (👨‍👩‍👧, 🏳️‍🌈), where it makes one
// picture of several; anywhere else it is an invisible character like the others.
const STRAY_JOINER =
  /(?<!\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
const SPACES = /[\s\u2028\u2029]+/g;

const dropInvisible = (text: string): string => text.replace(INVISIBLE, '').replace(STRAY_JOINER, '');

/** Collapses white space (new lines included) to single spaces and drops invisible characters. */
export function plainText(text: string): string {
  return dropInvisible(text).replace(SPACES, ' ').trim();
}

/** Drops invisible characters and normalises line ends; keeps line breaks (for multi-line fields). */
export function cleanText(text: string): string {
  return dropInvisible(text).replace(/\r\n?/g, '\n');
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const isPrintableAscii = (code: number): boolean => code >= 0x20 && code < 0x7f;

/**
 * Cuts to at most `max` UTF-16 units — the unit Discord's and Telegram's limits count — with an
 * ellipsis, never inside a grapheme: a surrogate pair, an accented letter or an emoji sequence
 * joined by zero-width joiners (👨‍👩‍👧) stays whole or goes whole.
 */
export function truncateUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - 1);
  // Between two printable ASCII characters there is always a grapheme boundary: the common case
  // needs no segmenter. Otherwise the grapheme holding the first unit that does not fit starts
  // where the cut goes; asking for that one segment looks around the cut, not over the whole text.
  const end =
    room === 0 || (isPrintableAscii(text.charCodeAt(room - 1)) && isPrintableAscii(text.charCodeAt(room)))
      ? room
      : (graphemes.segment(text).containing(room)?.index ?? room);
  return `${text.slice(0, end).trimEnd()}…`;
}

/** The link to show for a story: http(s) only — a feed must not smuggle `javascript:` or `tg:` links — and under 2000 characters. */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (!url || url.length > 2000) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
