import type { Schedule } from './domain.js';
import { UserError } from './errors.js';

/**
 * Subscription schedules: the presets people type (`instant`, `hourly`, `daily 08:00`,
 * `weekdays 08:00`, `weekly mon 08:00`) and five-field cron expressions, all reduced to one cron
 * expression read in the subscription's timezone. Computing the next run is the job of a
 * {@link ScheduleCalendar} (a cron library behind a port), so this module stays pure.
 */

export type ScheduleKind = 'instant' | 'hourly' | 'daily' | 'weekdays' | 'weekly' | 'cron';

export interface ParsedSchedule {
  kind: ScheduleKind;
  /** The canonical text stored and shown, e.g. `daily 08:00`, `weekly mon 08:00`, `0 8 * * 1-5`. */
  text: Schedule;
  /** The five-field cron expression the schedule stands for, read in the subscription's timezone. */
  cron: string;
}

/** Computes when a schedule next fires. Implemented with a cron library outside core. */
export interface ScheduleCalendar {
  /**
   * The first run strictly after `after`, in `timezone` (IANA). A daylight-saving change never
   * skips nor doubles a daily run. Throws a UserError for a cron expression it cannot use.
   */
  nextRun(schedule: Schedule, timezone: string, after: Date): Date;
}

export const DEFAULT_SCHEDULE: Schedule = 'daily 08:00';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_NAMES: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};
/** Words that start a preset; anything else with five fields is read as cron. */
const PRESET_WORDS = new Set(['instant', 'hourly', 'daily', 'weekdays', 'weekly']);
const CRON_FIELD = /^[0-9A-Za-z*,/-]+$/;

const scheduleHelp =
  'use instant, hourly, daily 08:00, weekdays 08:00, weekly mon 08:00 or a cron expression such as 0 8 * * 1-5';

/** `8:05` → hour 8, minute 5; a UserError such as "'25:00' is not a time" otherwise. */
export function parseTime(text: string): { hour: number; minute: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hour = match ? Number(match[1]) : NaN;
  const minute = match ? Number(match[2]) : NaN;
  if (!match || hour > 23 || minute > 59) throw new UserError(`'${text}' is not a time — use HH:MM, e.g. 08:00`);
  return { hour, minute };
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** Reads a schedule as typed; throws a UserError that says what would have been accepted. */
export function parseSchedule(input: string): ParsedSchedule {
  const words = input.trim().split(/\s+/).filter(Boolean);
  const first = (words[0] ?? '').toLowerCase();
  const shown = words.join(' ');
  if (words.length === 0) throw new UserError(`a schedule is needed — ${scheduleHelp}`);

  if (first === 'instant' || first === 'hourly') {
    if (words.length > 1) throw new UserError(`'${shown}': ${first} takes no time — ${scheduleHelp}`);
    return first === 'instant'
      ? { kind: 'instant', text: 'instant', cron: '* * * * *' }
      : { kind: 'hourly', text: 'hourly', cron: '0 * * * *' };
  }
  if (first === 'daily' || first === 'weekdays') {
    if (words.length !== 2) throw new UserError(`'${shown}': ${first} needs a time, e.g. ${first} 08:00`);
    const { hour, minute } = parseTime(words[1]!);
    const days = first === 'daily' ? '*' : '1-5';
    return { kind: first, text: `${first} ${pad(hour)}:${pad(minute)}`, cron: `${minute} ${hour} * * ${days}` };
  }
  if (first === 'weekly') {
    if (words.length !== 3) throw new UserError(`'${shown}': weekly needs a day and a time, e.g. weekly mon 08:00`);
    const day = DAY_NAMES[words[1]!.toLowerCase()];
    if (day === undefined) throw new UserError(`'${words[1]}' is not a day of the week — use mon, tue, … sun`);
    const { hour, minute } = parseTime(words[2]!);
    return {
      kind: 'weekly',
      text: `weekly ${DAYS[day]} ${pad(hour)}:${pad(minute)}`,
      cron: `${minute} ${hour} * * ${day}`,
    };
  }
  if (words.length === 5 && !PRESET_WORDS.has(first) && words.every((word) => CRON_FIELD.test(word))) {
    const cron = words.join(' ');
    return { kind: 'cron', text: cron, cron };
  }
  throw new UserError(`'${shown}' is not a schedule — ${scheduleHelp}`);
}

/** Whether a word could only be part of a schedule (so it is not a timezone). */
export function isScheduleWord(word: string): boolean {
  const lower = word.toLowerCase();
  return PRESET_WORDS.has(lower) || lower in DAY_NAMES || /^[0-9*,/-]+$/.test(word) || /^\d{1,2}:\d{2}$/.test(word);
}
