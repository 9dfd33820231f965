/**
 * Feed dates to ISO strings. Most feeds give RSS's RFC 822 form, which is read by hand (by
 * position for the commonest form, else with one regular expression): Date.parse's legacy parser
 * costs a tenth of a feed's parse. Everything else goes to Date.parse, as it always did.
 */

/** A date in any of the forms feeds use → ISO, or null when unreadable. */
export function isoDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const text = value.trim();
  const rfc822 = rfc822Iso(text);
  if (rfc822 !== undefined) return rfc822;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : toIso(time);
}

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const RFC822 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC?|Z|[+-]\d{4})$/;

const pad = (value: number): string => (value < 10 ? `0${value}` : String(value));

/** toISOString for the years feeds use (1000-9999), by hand: a fifth of the cost. */
function toIso(time: number): string {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return date.toISOString();
  const ms = date.getUTCMilliseconds();
  return `${year}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(
    date.getUTCMinutes(),
  )}:${pad(date.getUTCSeconds())}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}

const daysIn = (year: number, month: number): number =>
  month === 1
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!;

/**
 * RSS's usual date ("Wed, 18 Nov 2026 08:00:00 GMT" or "+0100") read directly as ISO: Date.parse's
 * legacy parser is a tenth of a feed's parse. A UTC date is written from its fields, with no Date
 * at all (most feeds give GMT); an offset goes through Date.UTC. Undefined for any other form,
 * and for a day the month does not have (31 Feb), which Date.parse reads as before.
 */
function rfc822Iso(text: string): string | undefined {
  const fixed = fixedGmtIso(text);
  if (fixed !== undefined) return fixed;
  const match = RFC822.exec(text);
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2]!.toLowerCase());
  if (month < 0) return undefined;
  const day = Number(match[1]);
  const year = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6] ?? 0);
  if (day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 60) return undefined;
  const zone = match[7]!;
  const utc = zone[0] !== '+' && zone[0] !== '-';
  if (utc && second < 60 && year >= 1000) {
    return `${year}-${pad(month + 1)}-${pad(day)}T${match[4]}:${match[5]}:${pad(second)}.000Z`;
  }
  const offset = utc ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const time = Date.UTC(year, month, day, hour, minute, second) - offset * 60_000;
  // A leap second (":60") that rolls over into the next day is left to Date.parse, as before.
  return new Date(time + offset * 60_000).getUTCDate() === day ? toIso(time) : undefined;
}

const digit = (text: string, at: number): number => text.charCodeAt(at) - 48;
const twoDigits = (text: string, at: number): number => {
  const tens = digit(text, at);
  const ones = digit(text, at + 1);
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
};
const MONTH_INDEX = new Map(
  ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m, i) => [m, i]),
);

/**
 * The commonest form of all, "Wed, 18 Nov 2026 08:00:00 GMT" (29 characters, two-digit day, GMT),
 * read by position without a regular expression; undefined for anything else.
 */
function fixedGmtIso(text: string): string | undefined {
  if (text.length !== 29 || text[3] !== ',' || !text.endsWith(' GMT')) return undefined;
  if (
    text[4] !== ' ' ||
    text[7] !== ' ' ||
    text[11] !== ' ' ||
    text[16] !== ' ' ||
    text[19] !== ':' ||
    text[22] !== ':'
  )
    return undefined;
  const month = MONTH_INDEX.get(text.slice(8, 11));
  const day = twoDigits(text, 5);
  const century = twoDigits(text, 12);
  const yearEnd = twoDigits(text, 14);
  const hour = twoDigits(text, 17);
  const minute = twoDigits(text, 20);
  const second = twoDigits(text, 23);
  if (month === undefined || century < 10 || yearEnd < 0 || minute < 0 || minute > 59) return undefined;
  const year = century * 100 + yearEnd;
  if (day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23 || second < 0 || second > 59) return undefined;
  return `${year}-${pad(month + 1)}-${text.slice(5, 7)}T${text.slice(17, 25)}.000Z`;
}
