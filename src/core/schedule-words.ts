import { UserError } from './errors.js';
import { isScheduleWord, parseSchedule } from './schedule.js';
import { takeStyleWords, type StyleChanges } from './style-words.js';
import { isTimezone } from './timezone.js';

/**
 * What follows the topic in `/subscribe <topic> [schedule] [timezone]`. Typed as one line on
 * Telegram and the console, a schedule has spaces (`weekly mon 08:00`, `0 8 * * 1-5`), so the
 * schedule and timezone arguments are read together: the last word is the timezone when it looks
 * like one, `max N` anywhere sets the number of stories per digest, and the style words
 * (`format compact quotes 1 silent`) anywhere set how the digests look.
 */

export const MIN_CAP = 1;
export const MAX_CAP = 25;

export interface SubscriptionWords {
  schedule?: string;
  timezone?: string;
  cap?: number;
  /** Format, quotes, previews, silent, images, mention: see style-words.ts. */
  style?: StyleChanges;
}

/** The runtime's canonical spelling of a timezone (`europe/london` → `Europe/London`); a UserError when unknown. */
export function canonicalTimezone(name: string): string {
  if (!isTimezone(name)) throw new UserError(`'${name}' is not a timezone — use an IANA name such as Europe/London`);
  return new Intl.DateTimeFormat('en-GB', { timeZone: name }).resolvedOptions().timeZone;
}

const looksLikeTimezone = (word: string): boolean =>
  /^[A-Za-z]/.test(word) && !isScheduleWord(word) && (word.includes('/') || isTimezone(word));

export function parseSubscriptionWords(
  scheduleArg: string | undefined,
  timezoneArg: string | undefined,
): SubscriptionWords {
  const words = [scheduleArg, timezoneArg].filter(Boolean).join(' ').split(/\s+/).filter(Boolean);
  const result: SubscriptionWords = {};
  const style = takeStyleWords(words);
  if (Object.keys(style).length > 0) result.style = style;

  const capAt = words.findIndex((word) => /^(max|cap)$/i.test(word));
  if (capAt >= 0) {
    const value = words[capAt + 1] ?? '';
    const cap = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
    if (!(cap >= MIN_CAP && cap <= MAX_CAP)) {
      throw new UserError(
        `'${value || words[capAt]}' is not a number of stories from ${MIN_CAP} to ${MAX_CAP} — e.g. max 5`,
      );
    }
    result.cap = cap;
    words.splice(capAt, 2);
  }

  const last = words.at(-1);
  // Given as its own argument (a Discord option) after a schedule, a single word is meant as the timezone.
  const separateTimezone =
    timezoneArg !== undefined &&
    !/\s/.test(timezoneArg.trim()) &&
    scheduleArg !== undefined &&
    last === timezoneArg.trim() &&
    !isScheduleWord(last) &&
    /^[A-Za-z]/.test(last);
  if (last !== undefined && (looksLikeTimezone(last) || separateTimezone) && !meantAsSchedule(words, last)) {
    result.timezone = canonicalTimezone(last);
    words.pop();
  }
  // `daily 08:00 Londn`: a schedule, then a word that is no timezone — say that, not "daily needs a time".
  const tail = words.at(-1);
  if (tail && words.length > 1 && /^[A-Za-z]/.test(tail) && !isSchedule(words) && isSchedule(words.slice(0, -1))) {
    canonicalTimezone(tail);
  }
  if (words.length > 0) result.schedule = words.join(' ');
  return result;
}

const isSchedule = (words: readonly string[]): boolean => {
  try {
    parseSchedule(words.join(' '));
    return true;
  } catch {
    return false;
  }
};

/**
 * `every morning` typed on one line arrives as schedule `every` and timezone `morning`. When the last
 * word is no timezone and the words before it no schedule, all the words were meant as the schedule:
 * true when they make one, else a UserError about the schedule (not about a timezone).
 */
function meantAsSchedule(words: readonly string[], last: string): boolean {
  if (isTimezone(last) || last.includes('/') || isSchedule(words.slice(0, -1))) return false;
  if (isSchedule(words)) return true;
  explainSchedule(words);
}

/** Throws what is wrong with these words as a schedule, with the forms that work and where a timezone goes. */
function explainSchedule(words: readonly string[]): never {
  try {
    parseSchedule(words.join(' '));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(`${error.message}.\nA timezone, if you add one, goes last: daily 08:00 Europe/London`);
  }
  throw new UserError(`'${words.join(' ')}' is not a schedule`);
}

/** "Tuesday 4 March at 08:00 (Europe/London)". */
export function describeTime(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} at ${part('hour')}:${part('minute')} (${timezone})`;
}
