import { Cron } from 'croner';
import { UserError } from '../core/errors.js';
import { parseSchedule, type ScheduleCalendar } from '../core/schedule.js';
import { isTimezone } from '../core/timezone.js';

const MINUTE = 60_000;
const CACHE_LIMIT = 50_000;

/**
 * Next runs with croner, which reads a cron expression in an IANA timezone: a time that does not
 * exist on a spring-forward day runs an hour later that day, and a time that happens twice on a
 * fall-back day runs once — so a daily digest is neither skipped nor doubled.
 *
 * croner takes a fraction of a millisecond per answer in a timezone; a tick asks the same question
 * for many subscriptions, so answers are kept. Runs fall on whole minutes, so the next run after
 * any moment is the next run after the start of its minute: that is the cache key.
 */
export function createScheduleCalendar(): ScheduleCalendar {
  const patterns = new Map<string, Cron>();
  const answers = new Map<string, number>();

  const patternFor = (cron: string, timezone: string): Cron => {
    const key = `${timezone} ${cron}`;
    let pattern = patterns.get(key);
    if (!pattern) {
      try {
        pattern = new Cron(cron, { timezone, paused: true, legacyMode: true });
      } catch (error) {
        const reason = (error as Error).message.replace(/^CronPattern: /, '');
        throw new UserError(`'${cron}' is not a cron expression this bot can use: ${reason}`);
      }
      if (patterns.size >= CACHE_LIMIT) patterns.clear();
      patterns.set(key, pattern);
    }
    return pattern;
  };

  return {
    nextRun(schedule, timezone, after) {
      const { cron } = parseSchedule(schedule);
      const minute = Math.floor(after.getTime() / MINUTE) * MINUTE;
      const key = `${timezone} ${cron} ${minute}`;
      const known = answers.get(key);
      if (known !== undefined) return new Date(known);
      if (!isTimezone(timezone)) throw new UserError(`'${timezone}' is not a timezone`);
      const next = patternFor(cron, timezone).nextRun(new Date(minute));
      if (!next) throw new UserError(`'${schedule}' never runs`);
      if (answers.size >= CACHE_LIMIT) answers.clear();
      answers.set(key, next.getTime());
      return next;
    },
  };
}
