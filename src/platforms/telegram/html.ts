/**
 * Telegram HTML parse mode, made safe for text we did not write. Every string that reaches a
 * message goes through `escapeHtml`, so a feed's `<b>`, `&amp;` or `</a>` shows as text and can
 * never open, close or break an entity.
 */

/** Telegram's limit for one message's text, counted in UTF-16 units after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;

// Controls, zero-width and bidi-override characters: they hide or reorder text and carry no news.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => ENTITIES[char]!);

/** Drops invisible characters; keeps line breaks. */
export const cleanText = (text: string): string => text.replace(INVISIBLE, '').replace(/\r\n?/g, '\n');

/** One line of feed text: invisible characters dropped, runs of white space made one space. */
export const oneLine = (text: string): string => cleanText(text).replace(/\s+/g, ' ').trim();

/** Cuts to at most `max` UTF-16 units with an ellipsis, never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** The URL when it is http(s), else null: a feed must not smuggle `javascript:` or `tg:` links. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export const bold = (text: string): string => `<b>${escapeHtml(text)}</b>`;
export const italic = (text: string): string => `<i>${escapeHtml(text)}</i>`;

/** A link when the URL is safe, plain escaped text otherwise. */
export function link(text: string, url: string | null | undefined): string {
  const safe = safeHttpUrl(url);
  return safe ? `<a href="${escapeHtml(safe)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/**
 * Splits escaped-on-the-fly plain text into HTML chunks that each fit `limit`, between lines
 * where it can (a line longer than a message is cut at the limit).
 */
export function splitPlainText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const rawLine of cleanText(text).split('\n')) {
    let line = escapeHtml(rawLine);
    while (line.length > limit) {
      if (current) chunks.push(current);
      current = '';
      let cut = limit;
      // Never cut inside an entity such as &amp;.
      const amp = line.lastIndexOf('&', cut);
      if (amp > cut - 6 && line.indexOf(';', amp) >= cut) cut = amp;
      chunks.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length > limit) {
      chunks.push(current);
      current = line;
    } else {
      current = joined;
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks.length > 0 ? chunks : [''];
}
