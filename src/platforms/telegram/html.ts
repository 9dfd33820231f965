/**
 * Telegram HTML parse mode, made safe for text we did not write. Every string that reaches a
 * message goes through `escapeHtml`, so a feed's `<b>`, `&amp;` or `</a>` shows as text and can
 * never open, close or break an entity.
 */

import { cleanText, safeLinkUrl } from '../../core/digest/plain-text.js';

/** Telegram's limit for one message's text, counted in UTF-16 units after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => ENTITIES[char]!);

export const bold = (text: string): string => `<b>${escapeHtml(text)}</b>`;
export const italic = (text: string): string => `<i>${escapeHtml(text)}</i>`;

/** A link when the URL is safe, plain escaped text otherwise. */
export function link(text: string, url: string | null | undefined): string {
  const safe = safeLinkUrl(url);
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
