/**
 * Discord markdown, made safe for text we did not write. Markdown-rendered fields (content,
 * embed titles and descriptions) go through `escapeMarkdown`; plain-text fields (embed footers
 * and authors, button labels) only through `cleanText`. Mentions never ping anyway — every
 * message says `allowed_mentions: { parse: [] }` — but they must not even look like one.
 */

import { cleanText, plainText, truncateUnits } from '../../core/digest/plain-text.js';

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
    raw = truncateUnits(raw, Math.max(1, Math.floor((raw.length * max) / escaped.length) - 2));
  }
}

/** Plain-text field (footer, author, label) cleaned and cut to `max`. */
export const fitPlain = (text: string, max: number): string => truncateUnits(plainText(text), max);
