import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { PaceWindow } from '../delivery/pacer.js';
import { reserveByPolling, sleep, type SendTicket, type SharedPacer } from './shared-pacer.js';

/** A slot: when it starts (performance.now()) and how late a send may still take it. */
type SlotTicket = SendTicket & { slotAt: number; toleranceMs: number };
type SlotReservation = { ticket: SlotTicket; waitMs?: undefined } | { ticket?: undefined; waitMs: number };

export interface RedisPacerOptions {
  /** REDIS_URL, e.g. redis://127.0.0.1:6379. */
  url: string;
  /** Prefix of every key (default `newsbrief:pace`); tests use their own. */
  prefix?: string;
  /**
   * Share of each platform-wide window left unused (default 0.03): room for the time a request
   * takes to reach the platform varying from one to the next (see createRedisPacer).
   */
  headroom?: number;
  /** Longest sleep between two asks while a window is full (default 1 s: a fixed window says when it ends). */
  maxSleepMs?: number;
  /** Between two tries while Redis is unreachable (default 1 s). */
  retryMs?: number;
  /** Longest wait for a connection before a try counts as failed (default 5 s). */
  connectTimeoutMs?: number;
  /** Told once when Redis becomes unreachable (with why) and once when it is back (null). */
  onUnavailable?: (message: string | null) => void;
}

/**
 * The SharedPacer over Redis, counted by rate-limiter-flexible's RateLimiterRedis: one counter per
 * window key (`telegram`, `telegram:chat:<id>`, …) that every process consumes from, and a 429's
 * retry_after written as a block on the key, so every process waits it out.
 *
 * Its windows are fixed (they start at a key's first send and last whole seconds), where the
 * platforms count sliding ones: a burst at the end of one window and another at the start of the
 * next would pass it together (measured: 42 sends in one second under 30/s, three processes). So
 * the n-th point of a window is a time slot, n windows/points after the window's start (the key's
 * expiry in Redis, the same for every process): sends are spread evenly, and a send is a window
 * apart from the one that many sends earlier. `headroom` leaves a few slots of each window empty
 * for the network's jitter. Each chat's sends are further spaced a window apart from when the last
 * one finished by the worker's own pacer (src/delivery/pacer.ts), one process at a time sending to
 * a chat (the outbox leases). A window shorter than a second counts as one second.
 *
 * Redis holds only the limits' recent past, never a message: when it is down, reserve() waits and
 * tries again every `retryMs` (nothing is sent unpaced; the messages stay pending in the store) and
 * `onUnavailable` says so once.
 */
export function createRedisPacer(options: RedisPacerOptions): SharedPacer {
  const prefix = options.prefix ?? 'newsbrief:pace';
  const retryMs = options.retryMs ?? 1000;
  const redis = new Redis(options.url, {
    // Fail fast while disconnected (the pacer retries itself); ioredis reconnects in the background.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => Math.min(retryMs, 1000),
  });
  let down: string | null = null;
  const report = (error: Error): void => {
    if (down !== null) return;
    down = `Redis at ${options.url} (REDIS_URL) is unreachable: ${error.message || error.name}; sends wait for it`;
    options.onUnavailable?.(down);
  };
  redis.on('error', report);
  redis.on('ready', () => {
    if (down !== null) {
      down = null;
      options.onUnavailable?.(null);
    }
  });

  /** Commands fail at once while disconnected: wait for the connection first (ioredis reconnects every `retryMs`). */
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

  // One limiter per key: its points and duration are the window's; a block needs the key's own.
  const limiters = new Map<string, RateLimiterRedis>();
  const headroom = options.headroom ?? 0.03;
  /** The platform-wide window keeps its headroom; a chat's are spaced by the worker's own pacer too. */
  const limiterOf = (window: PaceWindow, platformWide = false): RateLimiterRedis => {
    const duration = Math.max(1, Math.ceil(window.windowMs / 1000));
    const points = platformWide ? Math.max(1, window.limit - Math.ceil(window.limit * headroom)) : window.limit;
    let limiter = limiters.get(window.key);
    if (!limiter || limiter.points !== points || limiter.duration !== duration) {
      limiter = new RateLimiterRedis({
        storeClient: redis,
        useRedisPackage: false,
        rejectIfRedisNotReady: true,
        keyPrefix: prefix,
        points,
        duration,
      });
      limiters.set(window.key, limiter);
    }
    return limiter;
  };

  /**
   * A point of the window: its slot (performance.now() time); or the wait when the window is full.
   * The slot is reckoned from when the point was asked for, not from when the answer was read: an
   * answer read late (a busy event loop) would otherwise move the slot late unnoticed, past the
   * lateness check, and bunch the send with the next ones. A refusal comes as a RateLimiterRes, a
   * Redis failure as an Error.
   */
  const take = async (window: PaceWindow, platformWide: boolean): Promise<{ slotAt: number } | { waitMs: number }> => {
    const limiter = limiterOf(window, platformWide);
    try {
      const asked = performance.now();
      const taken = await limiter.consume(window.key);
      const windowMs = limiter.duration * 1000;
      const startedAgo = windowMs - taken.msBeforeNext;
      return { slotAt: asked + ((taken.consumedPoints - 1) * windowMs) / limiter.points - startedAgo };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { waitMs: Math.max(1, refusal.msBeforeNext) };
      throw refusal;
    }
  };

  /**
   * The chat's own windows first, then the platform-wide one (paceWindows puts it first): a point
   * taken where a later window refused is given back, so a full chat never costs the platform a slot.
   *
   * The send goes at its platform-wide slot, so a chat whose own slot is still to come (the 2nd of a
   * Discord channel's 5 per 5 s is a second after the 1st) takes no platform-wide point yet: its
   * points are given back and it asks again at its slot. Sent at the chat's slot instead, it would
   * land between two platform-wide slots, one send more in that window than counted (measured:
   * 30-41 of 3,000 sends, and a 429 when a few met in one second).
   */
  const tryReserve = async (windows: readonly PaceWindow[]): Promise<SlotReservation> => {
    await whenReady();
    const [platform, ...own] = windows;
    if (!platform) return { ticket: slotTicket(performance.now(), 1000) }; // no window to wait for
    const taken: PaceWindow[] = [];
    /** A point of the window, kept in `taken`; on a refusal or an error every point taken is given back. */
    const keep = async (window: PaceWindow, platformWide: boolean) => {
      const point = await take(window, platformWide).catch(async (error: unknown) => {
        await giveBack(taken);
        throw error;
      });
      if ('waitMs' in point) await giveBack(taken);
      else taken.push(window);
      return point;
    };
    let chatSlotAt = -Infinity;
    for (const window of own) {
      const point = await keep(window, false);
      if ('waitMs' in point) return point;
      chatSlotAt = Math.max(chatSlotAt, point.slotAt);
    }
    if (chatSlotAt > performance.now()) {
      await giveBack(taken);
      return { waitMs: Math.ceil(chatSlotAt - performance.now()) };
    }
    const point = await keep(platform, true);
    return 'waitMs' in point ? point : { ticket: slotTicket(point.slotAt, platform.windowMs) };
  };
  /** A fixed window counts a send once, when it starts: nothing to give back when it ends. */
  const slotTicket = (slotAt: number, windowMs: number): SlotTicket => ({
    startsInMs: Math.max(0, Math.ceil(slotAt - performance.now())),
    slotAt,
    toleranceMs: Math.max(5, (Math.max(1000, windowMs) * headroom) / 2),
    release: async () => {},
  });
  const giveBack = async (taken: readonly PaceWindow[]): Promise<void> => {
    const limited = taken.flatMap((window) => {
      const limiter = limiters.get(window.key);
      return limiter ? [limiter.reward(window.key, 1)] : [];
    });
    await Promise.all(limited).catch(report);
  };

  /** While Redis is down: wait and try again, the outage reported once. */
  const tryUntilReachable = async (windows: readonly PaceWindow[], signal?: AbortSignal): Promise<SlotReservation> => {
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
    async reserve(windows, signal) {
      for (;;) {
        const ticket = await reserveByPolling(
          (w) => tryUntilReachable(w, signal),
          windows,
          options.maxSleepMs ?? 1000,
          signal,
        );
        // reserveByPolling slept until the slot: a process too busy to wake on time would send
        // into the next sends' slots, so a slot missed by more than half the headroom is let go.
        const late = performance.now() - ticket.slotAt;
        if (late <= ticket.toleranceMs) return ticket;
        await giveBack(windows.slice(1));
      }
    },
    async block(key, untilMs) {
      // RateLimiterRedis blocks for whole seconds; a key never reserved here has no limiter to block.
      const limiter = limiters.get(key);
      const seconds = Math.ceil((untilMs - Date.now()) / 1000);
      if (!limiter || seconds <= 0) return;
      try {
        await whenReady();
        // Only lengthens a block, never shortens one another process set.
        const current = await limiter.get(key);
        if (current && current.consumedPoints > limiter.points && current.msBeforeNext >= seconds * 1000) return;
        await limiter.block(key, seconds);
      } catch (error) {
        // While Redis is down no process sends at all, so a block lost then is no loss.
        report(error as Error);
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
