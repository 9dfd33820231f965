import { DEFAULT_STYLE, type SubscriptionStyle } from './domain.js';
import { UserError } from './errors.js';

/**
 * The words that set how a subscription's digests look, typed after the topic in `/subscribe` and
 * `/settings`: `format full|compact`, `quotes 0-3`, `previews on|off`, `silent [on|off]`,
 * `images on|off`, `mention <role>|off`. A bare switch word means on. Read out of the line before
 * the schedule is, so `/subscribe world daily 08:00 format compact quotes 1 silent` works.
 */

export type StyleChanges = Partial<SubscriptionStyle>;

export const MAX_QUOTES = 3;

const SWITCHES = { previews: 'previews', silent: 'silent', images: 'images' } as const;
type Switch = keyof typeof SWITCHES;
const ON = new Set(['on', 'yes', 'true']);
const OFF = new Set(['off', 'no', 'false']);
const NO_ROLE = new Set(['off', 'none', 'nobody']);

/** A Discord role as typed (`<@&123>`) or given by a role option (`123`); null for `off`. */
export function parseRole(word: string): string | null {
  const lowered = word.toLowerCase();
  if (NO_ROLE.has(lowered)) return null;
  const id = /^<@&(\d{5,25})>$/.exec(word)?.[1] ?? (/^\d{5,25}$/.test(word) ? word : undefined);
  if (!id) throw new UserError(`'${word}' is not a role — pick one with the mention option, or 'mention off'`);
  return id;
}

export function parseQuotes(word: string | undefined): number {
  const value = word !== undefined && /^\d$/.test(word) ? Number(word) : NaN;
  if (!(value >= 0 && value <= MAX_QUOTES)) {
    throw new UserError(`'${word ?? 'quotes'}' is not a number of quotes from 0 to ${MAX_QUOTES} — e.g. quotes 1`);
  }
  return value;
}

export function parseFormat(word: string | undefined): SubscriptionStyle['format'] {
  const lowered = word?.toLowerCase();
  if (lowered === 'full' || lowered === 'compact') return lowered;
  throw new UserError(`'${word ?? 'format'}' is not a format — use format full or format compact`);
}

/** Takes the style words out of `words` (in place) and returns what they set. */
export function takeStyleWords(words: string[]): StyleChanges {
  const changes: StyleChanges = {};
  for (let index = 0; index < words.length;) {
    const word = words[index]!.toLowerCase();
    const next = words[index + 1];
    if (word === 'format') {
      changes.format = parseFormat(next);
      words.splice(index, 2);
    } else if (word === 'quotes') {
      changes.quotes = parseQuotes(next);
      words.splice(index, 2);
    } else if (word === 'mention') {
      if (next === undefined) throw new UserError("mention needs a role — e.g. mention @News, or 'mention off'");
      // Read as a role where roles exist (subscription-style.ts): elsewhere the answer is that they don't.
      changes.mentionRoleId = next;
      words.splice(index, 2);
    } else if (word in SWITCHES) {
      const value = next?.toLowerCase();
      const given = value !== undefined && (ON.has(value) || OFF.has(value));
      changes[word as Switch] = given ? ON.has(value) : true;
      words.splice(index, given ? 2 : 1);
    } else {
      index++;
    }
  }
  return changes;
}

/** The settings that differ from the defaults, as words (`format compact, quotes 1, silent`); empty when none. */
export function describeStyle(
  style: SubscriptionStyle,
  mention: (roleId: string) => string = (id) => `<@&${id}>`,
): string {
  const parts: string[] = [];
  if (style.format !== DEFAULT_STYLE.format) parts.push(`format ${style.format}`);
  if (style.quotes !== DEFAULT_STYLE.quotes) parts.push(`quotes ${style.quotes}`);
  if (style.previews !== DEFAULT_STYLE.previews) parts.push(`previews ${style.previews ? 'on' : 'off'}`);
  if (style.silent !== DEFAULT_STYLE.silent) parts.push(style.silent ? 'silent' : 'silent off');
  if (style.images !== DEFAULT_STYLE.images) parts.push(`images ${style.images ? 'on' : 'off'}`);
  if (style.mentionRoleId) parts.push(`mention ${mention(style.mentionRoleId)}`);
  return parts.join(', ');
}

/** What a change sets, as words (`quotes 1, silent on`). */
export function describeChanges(changes: StyleChanges): string {
  const parts: string[] = [];
  if (changes.format !== undefined) parts.push(`format ${changes.format}`);
  if (changes.quotes !== undefined) parts.push(`quotes ${changes.quotes}`);
  for (const name of Object.keys(SWITCHES) as Switch[]) {
    const value = changes[name];
    if (value !== undefined) parts.push(`${name} ${value ? 'on' : 'off'}`);
  }
  if (changes.mentionRoleId !== undefined) {
    parts.push(changes.mentionRoleId ? `mention the role with id ${changes.mentionRoleId}` : 'mention off');
  }
  return parts.join(', ');
}
