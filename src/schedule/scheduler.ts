import type { ScheduledTask } from 'node-cron';
import type { Logger } from '../core/ports.js';

/**
 * One node-cron tick a minute, never two at once: it plans the due digests, wakes the delivery
 * worker, and starts a feed poll unless the previous one is still running (a slow feed must not
 * make digests late, so the tick does not wait for the poll).
 */
export interface SchedulerJobs {
  /** Plans and queues the due digests (the digest job's runDue). */
  sendDueDigests(): Promise<unknown>;
  /** Messages were queued: the delivery worker should look (its wake). */
  deliver?(): void;
  /** Polls the due feeds (ingestion's pollDueFeeds), passed in so schedule does not import ingest. */
  pollDueFeeds?(): Promise<unknown>;
}

export interface Scheduler {
  /** Starts the minute tick; with `runNow`, ticks at once too (a digest missed while down goes out at start). */
  start(options?: { runNow?: boolean }): void;
  /** One tick by hand; resolves when its digest work is done. A tick already running is not doubled. */
  tick(): Promise<void>;
  /** Stops ticking and waits for the running tick and poll. */
  stop(): Promise<void>;
}

export function createScheduler(jobs: SchedulerJobs, logger: Logger, expression = '* * * * *'): Scheduler {
  let task: ScheduledTask | null = null;
  // node-cron (60 KB) is imported by start(): the console and the one-shot commands never tick.
  let starting: Promise<void> | null = null;
  let stopped = false;
  let ticking: Promise<void> | null = null;
  let polling: Promise<void> | null = null;

  const run = async (name: string, job: () => Promise<unknown> | void): Promise<void> => {
    try {
      await job();
    } catch (error) {
      logger.error({ err: error, job: name }, 'scheduled job failed');
    }
  };

  const tick = (): Promise<void> => {
    // node-cron's noOverlap skips a tick while one runs; this guard also covers ticks run by hand.
    ticking ??= (async () => {
      await run('send due digests', () => jobs.sendDueDigests());
      if (jobs.deliver) await run('deliver', () => jobs.deliver!());
      const poll = jobs.pollDueFeeds;
      if (poll && !polling) {
        polling = run('poll feeds', () => poll()).finally(() => {
          polling = null;
        });
      }
    })().finally(() => {
      ticking = null;
    });
    return ticking;
  };

  return {
    start(options = {}) {
      if (starting) return;
      stopped = false;
      starting = import('node-cron').then(({ default: cron }) => {
        if (!stopped) task = cron.schedule(expression, () => tick(), { noOverlap: true, name: 'newsbrief-tick' });
      });
      if (options.runNow) void tick();
    },
    tick,
    async stop() {
      stopped = true;
      await starting;
      starting = null;
      await task?.stop();
      await task?.destroy();
      task = null;
      await ticking;
      await polling;
    },
  };
}
