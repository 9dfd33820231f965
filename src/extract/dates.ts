/** Reading publication dates as outlets print them, into ISO 8601 (UTC). */

const MONTHS = new Map<string, number>([
  ['jan', 0],
  ['feb', 1],
  ['mar', 2],
  ['apr', 3],
  ['may', 4],
  ['jun', 5],
  ['jul', 6],
  ['aug', 7],
  ['sep', 8],
  ['sept', 8],
  ['oct', 9],
  ['nov', 10],
  ['dec', 11],
]);

/** Offsets in minutes of the zone abbreviations outlets print after a time. "ET"/"PT" read as standard time. */
const ZONES = new Map<string, number>([
  ['gmt', 0],
  ['utc', 0],
  ['z', 0],
  ['bst', 60],
  ['cet', 60],
  ['cest', 120],
  ['eet', 120],
  ['eest', 180],
  ['est', -300],
  ['edt', -240],
  ['et', -300],
  ['cst', -360],
  ['cdt', -300],
  ['ct', -360],
  ['mst', -420],
  ['mdt', -360],
  ['pst', -480],
  ['pdt', -420],
  ['pt', -480],
  ['ist', 330],
  ['jst', 540],
  ['aest', 600],
]);

const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s?(Z|[+-]\d{2}:?\d{2})?)?/;
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/;
const CLOCK = /\b(\d{1,2})[:.](\d{2})\s?([ap]\.?m\.?)?\s?([A-Za-z]{1,4}\b)?/i;

function monthIndex(name: string): number | undefined {
  const lower = name.toLowerCase();
  const key = lower.startsWith('sept') ? 'sept' : lower.slice(0, 3);
  const index = MONTHS.get(key);
  // Reject words that merely start like a month ("Marching", "Mayor").
  const fullNames = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ];
  if (index === undefined) return undefined;
  return lower.length <= 4 || fullNames[index] === lower ? index : undefined;
}

function isoFromParts(year: number, month: number, day: number, rest: string): string | null {
  if (day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  let minutes = 0;
  let offset = 0;
  const clock = CLOCK.exec(rest);
  if (clock) {
    let hour = Number(clock[1]);
    const meridiem = clock[3]?.toLowerCase().replace(/\./g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    if (hour < 24) minutes = hour * 60 + Number(clock[2]);
    offset = ZONES.get(clock[4]?.toLowerCase() ?? '') ?? 0;
  }
  const time = Date.UTC(year, month, day) + (minutes - offset) * 60_000;
  const date = new Date(time);
  return Number.isNaN(time) ? null : date.toISOString();
}

/**
 * Reads the first date in `text` ("2024-03-12T09:30:00+01:00", "12 March 2024, 10:32 GMT",
 * "March 12, 2024 4:05 PM ET") into an ISO string, or null when it holds no full date with a year.
 */
export function parsePublishedDate(text: string): string | null {
  const sample = text.slice(0, 300);
  const iso = ISO_DATE.exec(sample);
  if (iso) {
    const parsed = new Date(
      iso[0].includes('T') || iso[0].includes(':') ? iso[0].replace(' ', 'T') : `${iso[0]}T00:00:00Z`,
    );
    return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
  }
  const dayFirst = DAY_MONTH_YEAR.exec(sample);
  if (dayFirst) {
    const month = monthIndex(dayFirst[2] ?? '');
    if (month !== undefined) {
      return isoFromParts(
        Number(dayFirst[3]),
        month,
        Number(dayFirst[1]),
        sample.slice(dayFirst.index + dayFirst[0].length),
      );
    }
  }
  const monthFirst = MONTH_DAY_YEAR.exec(sample);
  if (monthFirst) {
    const month = monthIndex(monthFirst[1] ?? '');
    if (month !== undefined) {
      return isoFromParts(
        Number(monthFirst[3]),
        month,
        Number(monthFirst[2]),
        sample.slice(monthFirst.index + monthFirst[0].length),
      );
    }
  }
  return null;
}
