/**
 * Discord markdown, made safe for text we did not write. Markdown-rendered fields (content,
 * embed titles and descriptions) go through `escapeMarkdown`; plain-text fields (embed footers
 * and authors, button labels) only through `cleanText`. Mentions never ping anyway — every
 * message says `allowed_mentions: { parse: [] }` — but they must not even look like one.
 */

// Controls, zero-width and bidi-override characters: they hide or reorder text and carry no news.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

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

/**
 * Backslash-escapes what Discord would read as markdown or a mention: emphasis, code, spoilers,
 * quotes, masked links, `<@id>`/`<#id>`/`<t:…>`, headings and lists at a line's start; and puts a
 * zero-width space into @everyone/@here.
 */
export function escapeMarkdown(text: string): string {
  return cleanText(text)
    .replace(/[\\*_~`|<>[\]()]/g, '\\$&')
    .replace(/^(\s*)([#+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
    .replace(/@(everyone|here)/g, '@\u200b$1');
}

/** Escaped text cut so that the escaped form fits `max` (escaping can make text longer). */
export function fitEscaped(text: string, max: number): string {
  let raw = text;
  for (;;) {
    const escaped = escapeMarkdown(raw);
    if (escaped.length <= max) return escaped;
    raw = truncate(raw, Math.max(1, Math.floor((raw.length * max) / escaped.length) - 2));
  }
}

/** Plain-text field (footer, author, label) cleaned and cut to `max`. */
export const fitPlain = (text: string, max: number): string => truncate(oneLine(text), max);

/** The URL when it is http(s) and short enough for an embed, else null. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url || url.length > 2000) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
