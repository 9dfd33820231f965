// Making a formatter costs ~100× using one, and a digest run formats every entry's time: one per timezone.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timezone: string): Intl.DateTimeFormat {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    if (formats.size > 1000) formats.clear();
    formats.set(timezone, format);
  }
  return format;
}

const yearOf = (format: Intl.DateTimeFormat, date: Date): string =>
  format.formatToParts(date).find((part) => part.type === 'year')?.value ?? '';

// The reader's current year, per timezone, reused for a minute: a digest formats many times at
// one moment. (Within a minute of New Year a time may show or miss its year once.)
const YEAR_REUSE_MS = 60_000;
const currentYears = new Map<string, { at: number; year: string }>();

function currentYear(timezone: string, format: Intl.DateTimeFormat, now: Date): string {
  const cached = currentYears.get(timezone);
  if (cached && Math.abs(now.getTime() - cached.at) < YEAR_REUSE_MS) return cached.year;
  const year = yearOf(format, now);
  if (currentYears.size > 1000) currentYears.clear();
  currentYears.set(timezone, { at: now.getTime(), year });
  return year;
}

/**
 * "23 Nov 14:05 GMT" in the given IANA timezone, with the year when it is not the reader's current
 * year ("1 Jan 2100 00:00 UTC", "30 Dec 2025 09:00 CET"), so an old or future-dated story never
 * passes for this year's. The reader's local time is what matters in a digest; the zone says whose.
 */
export function formatTime(iso: string, timezone: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const format = formatFor(timezone);
  // The same story time is shown to every chat in a zone that gets the story: formatted once.
  const key = `${timezone}\n${currentYear(timezone, format, now)}\n${iso}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatOnce(date, timezone, format, now);
    if (formatted.size >= FORMATTED_KEPT) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** Formatted times kept, by zone, reader's year and time: a few digest runs' worth of stories. */
const FORMATTED_KEPT = 20_000;
const formatted = new Map<string, string>();

function formatOnce(date: Date, timezone: string, format: Intl.DateTimeFormat, now: Date): string {
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const year = part('year') === currentYear(timezone, format, now) ? '' : ` ${part('year')}`;
  return `${part('day')} ${part('month')}${year} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}
