import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { parseSchedule } from '../../src/core/schedule.js';
import { parseSubscriptionWords } from '../../src/core/schedule-words.js';
import { createScheduleCalendar } from '../../src/schedule/schedule-calendar.js';

const calendar = createScheduleCalendar();

/** Every run of `schedule` from `from` until `until`, as ISO strings. */
function runsBetween(schedule: string, timezone: string, from: string, until: string): string[] {
  const runs: string[] = [];
  let at = new Date(from);
  for (;;) {
    at = calendar.nextRun(schedule, timezone, at);
    if (at.getTime() > Date.parse(until)) return runs;
    runs.push(at.toISOString());
  }
}

const localTime = (iso: string, timezone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: timezone, dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );

describe('schedules', () => {
  it('reads the presets and five-field cron into one canonical text and cron expression', () => {
    expect(parseSchedule('instant')).toEqual({ kind: 'instant', text: 'instant', cron: '* * * * *' });
    expect(parseSchedule('Hourly')).toEqual({ kind: 'hourly', text: 'hourly', cron: '0 * * * *' });
    expect(parseSchedule('daily 8:05')).toEqual({ kind: 'daily', text: 'daily 08:05', cron: '5 8 * * *' });
    expect(parseSchedule('weekdays 18:30')).toEqual({
      kind: 'weekdays',
      text: 'weekdays 18:30',
      cron: '30 18 * * 1-5',
    });
    expect(parseSchedule('weekly Friday 07:00')).toEqual({
      kind: 'weekly',
      text: 'weekly fri 07:00',
      cron: '0 7 * * 5',
    });
    expect(parseSchedule('  0  8 * *   1-5 ')).toEqual({ kind: 'cron', text: '0 8 * * 1-5', cron: '0 8 * * 1-5' });
  });

  it('says what is wrong with a schedule it cannot read', () => {
    expect(() => parseSchedule('daily 25:00')).toThrow("'25:00' is not a time");
    expect(() => parseSchedule('daily 8:60')).toThrow("'8:60' is not a time");
    expect(() => parseSchedule('daily')).toThrow('daily needs a time, e.g. daily 08:00');
    expect(() => parseSchedule('weekly someday 08:00')).toThrow("'someday' is not a day of the week");
    expect(() => parseSchedule('dialy 08:00')).toThrow("'dialy 08:00' is not a schedule — use instant, hourly");
    expect(() => parseSchedule('0 8 * *')).toThrow(UserError);
    expect(() => calendar.nextRun('61 8 * * *', 'UTC', new Date())).toThrow(
      "'61 8 * * *' is not a cron expression this bot can use",
    );
    expect(() => calendar.nextRun('daily 08:00', 'Mars/Base', new Date())).toThrow("'Mars/Base' is not a timezone");
  });

  it('runs a daily digest at the same local time every day across spring-forward, neither skipped nor doubled', () => {
    // Europe/London jumps from 01:00 to 02:00 on 30 March 2025: 01:30 does not exist that day.
    const runs = runsBetween('daily 01:30', 'Europe/London', '2025-03-27T12:00:00Z', '2025-04-02T12:00:00Z');
    expect(runs).toHaveLength(6);
    expect(new Set(runs.map((run) => run.slice(0, 10))).size).toBe(6);
    expect(runs.filter((run) => run.startsWith('2025-03-30'))).toEqual(['2025-03-30T01:30:00.000Z']); // 02:30 BST
    expect(localTime(runs[5]!, 'Europe/London')).toBe('02/04/2025, 01:30');
  });

  it('runs a daily digest once on the fall-back day, when its local time happens twice', () => {
    // America/New_York repeats 01:00-02:00 on 2 November 2025.
    const runs = runsBetween('daily 01:30', 'America/New_York', '2025-10-31T12:00:00Z', '2025-11-05T12:00:00Z');
    expect(runs.map((run) => run.slice(0, 10))).toEqual([
      '2025-11-01',
      '2025-11-02',
      '2025-11-03',
      '2025-11-04',
      '2025-11-05',
    ]);
    expect(runs.every((run) => localTime(run, 'America/New_York').endsWith('01:30'))).toBe(true);
  });

  it('keeps weekdays to Monday-Friday and weekly to its day, in the timezone given', () => {
    const weekdays = runsBetween('weekdays 08:00', 'Asia/Kolkata', '2025-10-24T00:00:00Z', '2025-10-31T00:00:00Z');
    expect(weekdays.map((run) => run.slice(0, 10))).toEqual([
      '2025-10-24',
      '2025-10-27',
      '2025-10-28',
      '2025-10-29',
      '2025-10-30',
    ]);
    expect(weekdays[0]).toBe('2025-10-24T02:30:00.000Z');
    expect(runsBetween('weekly mon 09:00', 'UTC', '2025-10-01T00:00:00Z', '2025-10-31T00:00:00Z')).toEqual([
      '2025-10-06T09:00:00.000Z',
      '2025-10-13T09:00:00.000Z',
      '2025-10-20T09:00:00.000Z',
      '2025-10-27T09:00:00.000Z',
    ]);
  });

  it('gives the next run strictly after the moment asked, whatever the seconds', () => {
    expect(calendar.nextRun('daily 08:00', 'UTC', new Date('2025-03-03T08:00:00.000Z')).toISOString()).toBe(
      '2025-03-04T08:00:00.000Z',
    );
    expect(calendar.nextRun('daily 08:00', 'UTC', new Date('2025-03-03T07:59:59.999Z')).toISOString()).toBe(
      '2025-03-03T08:00:00.000Z',
    );
    expect(calendar.nextRun('instant', 'UTC', new Date('2025-03-03T07:59:30Z')).toISOString()).toBe(
      '2025-03-03T08:00:00.000Z',
    );
  });
});

describe('the words after /subscribe <topic>', () => {
  it('reads schedule, timezone and cap whether typed as one line or given as separate options', () => {
    // Typed: the positional parser hands the schedule one word and the timezone the rest.
    expect(parseSubscriptionWords('daily', '08:00 Europe/London')).toEqual({
      schedule: 'daily 08:00',
      timezone: 'Europe/London',
    });
    expect(parseSubscriptionWords('weekly', 'mon 07:30')).toEqual({ schedule: 'weekly mon 07:30' });
    expect(parseSubscriptionWords('0', '8 * * 1-5 Asia/Tokyo')).toEqual({
      schedule: '0 8 * * 1-5',
      timezone: 'Asia/Tokyo',
    });
    expect(parseSubscriptionWords('europe/paris', undefined)).toEqual({ timezone: 'Europe/Paris' });
    expect(parseSubscriptionWords('hourly', 'max 5')).toEqual({ schedule: 'hourly', cap: 5 });
    // Discord options: separate fields.
    expect(parseSubscriptionWords('daily 08:00', 'UTC')).toEqual({ schedule: 'daily 08:00', timezone: 'UTC' });
    expect(parseSubscriptionWords(undefined, undefined)).toEqual({});
  });

  it('names a bad timezone or cap', () => {
    expect(() => parseSubscriptionWords('daily', '08:00 Mars/Base')).toThrow("'Mars/Base' is not a timezone");
    expect(() => parseSubscriptionWords('hourly', 'Atlantis')).toThrow("'Atlantis' is not a timezone");
    expect(() => parseSubscriptionWords('daily', '08:00 max 30')).toThrow(
      "'30' is not a number of stories from 1 to 25",
    );
  });
});
