import { setTimeout as delay } from 'node:timers/promises';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Logger } from '../../core/ports.js';
import type { ProcessLock } from '../../core/process-lock.js';

/**
 * Long polling through @grammyjs/runner. Telegram allows one getUpdates caller per bot (a second
 * gets 409 Conflict), so with several processes (DATABASE_URL) only the holder of `lock` polls;
 * the others try again every `retryMs` and take over when the holder dies and its lock frees.
 * Updates the dead holder fetched but had not confirmed come again to the new one.
 */
export interface PollingOptions {
  bot: Bot;
  logger: Logger;
  /** getUpdates long-polling timeout, seconds. */
  timeoutSeconds: number;
  allowedUpdates: readonly string[];
  /** Several processes: only this lock's holder polls. */
  lock?: ProcessLock;
  /** How often a process without the lock tries to take it, ms. */
  retryMs?: number;
}

export interface Polling {
  /** Stops polling (letting the updates in flight finish) and lets go of the lock. */
  stop(): Promise<void>;
}

export function startPolling(options: PollingOptions): Polling {
  const { bot, logger, lock } = options;
  const startRunner = (): RunnerHandle => {
    const runner = run(bot, {
      runner: {
        fetch: {
          timeout: options.timeoutSeconds,
          allowed_updates: [...options.allowedUpdates] as NonNullable<
            Parameters<Bot['api']['getUpdates']>[0]
          >['allowed_updates'],
        },
        silent: true,
      },
    });
    return runner;
  };
  const stopRunner = async (runner: RunnerHandle): Promise<void> => {
    if (runner.isRunning()) await runner.stop();
  };
  if (!lock) {
    const runner = startRunner();
    // The runner gives up on errors it cannot recover from (a revoked token, a second poller).
    void runner.task()?.catch((error: unknown) => logger.error({ err: error }, 'telegram polling stopped'));
    return { stop: () => stopRunner(runner) };
  }

  const stopping = new AbortController();
  const stopped = new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve()));
  const retryMs = options.retryMs ?? 5000;
  const loop = async (): Promise<void> => {
    let waiting = false;
    while (!stopping.signal.aborted) {
      const lease = await lock.tryTake().catch((error: unknown) => {
        logger.warn({ err: error, retryMs }, 'telegram polling lock: cannot reach PostgreSQL; trying again');
        return null;
      });
      if (stopping.signal.aborted) {
        await lease?.release();
        break;
      }
      if (!lease) {
        if (!waiting) logger.info({ retryMs }, 'another process polls Telegram; waiting for its lock');
        else logger.debug('telegram polling lock still held elsewhere');
        waiting = true;
        await delay(retryMs, undefined, { signal: stopping.signal }).catch(() => undefined);
        continue;
      }
      waiting = false;
      logger.info('telegram polling lock taken: this process polls Telegram');
      const runner = startRunner();
      const ended = (runner.task() ?? Promise.resolve()).catch((error: unknown) =>
        logger.error({ err: error }, 'telegram polling stopped'),
      );
      await Promise.race([lease.lost, ended, stopped]);
      await stopRunner(runner);
      await lease.release();
      if (stopping.signal.aborted) break;
      logger.warn({ retryMs }, 'telegram polling lock lost: polling stopped until it is taken again');
      await delay(retryMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
    await lock.close();
  };
  const done = loop();
  return {
    stop: async () => {
      stopping.abort();
      await done;
    },
  };
}
