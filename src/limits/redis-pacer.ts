import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { PaceWindow } from '../delivery/pacer.js';
import { BLOCK_SCRIPT, RELEASE_SCRIPT, RESERVE_SCRIPT } from './pace-scripts.js';
import { reserveByPolling, sleep, type Reservation, type SharedPacer } from './shared-pacer.js';

export interface RedisPacerOptions {
  /** REDIS_URL, e.g. redis://127.0.0.1:6379. */
  url: string;
  /** Prefix of every key (default `newsbrief:pace:`); tests use their own. */
  prefix?: string;
  /** How long an unreleased send counts at most (a process killed mid-send), default 60 s. */
  leaseMs?: number;
  /** Longest sleep between two asks while a slot in flight may free any moment (default 50 ms). */
  maxSleepMs?: number;
  /** Between two tries while Redis is unreachable (default 1 s). */
  retryMs?: number;
  /** Longest wait for a connection before a try counts as failed (default 5 s). */
  connectTimeoutMs?: number;
  /** Told once when Redis becomes unreachable (with why) and once when it is back (null). */
  onUnavailable?: (message: string | null) => void;
}

type Scripted = Redis & {
  paceReserve(...args: (string | number)[]): Promise<[number, number]>;
  paceRelease(...args: (string | number)[]): Promise<number>;
  paceBlock(key: string, ms: number): Promise<number>;
};

/**
 * The SharedPacer over Redis (src/limits/pace-scripts.ts). Redis holds only the limits' recent
 * past, never a message: when it is down, reserve() waits and tries again every `retryMs` (nothing
 * is sent unpaced, the messages stay pending in the store) and `onUnavailable` says so once.
 */
export function createRedisPacer(options: RedisPacerOptions): SharedPacer {
  const prefix = options.prefix ?? 'newsbrief:pace:';
  const leaseMs = options.leaseMs ?? 60_000;
  const retryMs = options.retryMs ?? 1000;
  const redis = new Redis(options.url, {
    // Fail fast while disconnected (the pacer retries itself); ioredis reconnects in the background.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => Math.min(retryMs, 1000),
    lazyConnect: false,
  }) as Scripted;
  redis.defineCommand('paceReserve', { lua: RESERVE_SCRIPT });
  redis.defineCommand('paceRelease', { lua: RELEASE_SCRIPT });
  redis.defineCommand('paceBlock', { numberOfKeys: 1, lua: BLOCK_SCRIPT });
  let down: string | null = null;
  redis.on('error', (error: Error) => report(error));
  redis.on('ready', () => {
    if (down !== null) {
      down = null;
      options.onUnavailable?.(null);
    }
  });
  const report = (error: Error): void => {
    if (down !== null) return;
    down = `Redis at ${options.url} (REDIS_URL) is unreachable: ${error.message || error.name}; sends wait for it`;
    options.onUnavailable?.(down);
  };

  /**
   * Commands fail at once while disconnected: wait for the connection first (ioredis reconnects
   * every `retryMs`), so sends go on the moment Redis is back; a slow first connect is no outage.
   */
  const whenReady = (): Promise<void> =>
    redis.status === 'ready'
      ? Promise.resolve()
      : new Promise((resolve, reject) => {
          const onReady = (): void => {
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(() => {
            redis.off('ready', onReady);
            reject(new Error(`not connected (${redis.status})`));
          }, options.connectTimeoutMs ?? 5000);
          redis.once('ready', onReady);
        });

  const logKey = (key: string): string => `${prefix}log:${key}`;
  const blockKey = (key: string): string => `${prefix}block:${key}`;

  const tryReserve = async (windows: readonly PaceWindow[]): Promise<Reservation> => {
    await whenReady();
    const member = randomUUID();
    const keys = windows.flatMap((window) => [logKey(window.key), blockKey(window.key)]);
    const args = windows.flatMap((window) => [window.limit, window.windowMs]);
    const [granted, waitMs] = await redis.paceReserve(keys.length, ...keys, ...args, member, leaseMs);
    if (granted !== 1) return { waitMs };
    const logs = windows.map((window) => logKey(window.key));
    return {
      ticket: {
        // A release lost to an outage costs only throughput: the slot ends with its lease.
        release: async () => {
          if (logs.length > 0) await redis.paceRelease(logs.length, ...logs, member).catch(report);
        },
      },
    };
  };

  /** While Redis is down: wait and try again, the outage reported once. */
  const tryUntilReachable = async (windows: readonly PaceWindow[], signal?: AbortSignal): Promise<Reservation> => {
    for (;;) {
      try {
        return await tryReserve(windows);
      } catch (error) {
        report(error as Error);
        await sleep(retryMs, signal);
      }
    }
  };

  return {
    tryReserve,
    reserve: (windows, signal) =>
      reserveByPolling((w) => tryUntilReachable(w, signal), windows, options.maxSleepMs ?? 50, signal),
    async block(key, untilMs) {
      const ms = Math.ceil(untilMs - Date.now());
      // While Redis is down no process sends at all, so a block lost then is no loss.
      if (ms > 0)
        await whenReady()
          .then(() => redis.paceBlock(blockKey(key), ms))
          .catch(report);
    },
    async close() {
      redis.disconnect();
    },
  };
}
