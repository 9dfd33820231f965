import { createPacer } from '../delivery/pacer.js';
import { reserveByPolling, type SharedPacer } from './shared-pacer.js';

/**
 * The SharedPacer of one process, when REDIS_URL is unset: src/delivery/pacer.ts behind the
 * asynchronous interface, so the worker code is the same with and without Redis.
 */
export function createMemoryPacer(options: { now?: () => number; maxSleepMs?: number } = {}): SharedPacer {
  const pacer = createPacer(options.now);
  const maxSleepMs = options.maxSleepMs ?? 50;
  const tryReserve: SharedPacer['tryReserve'] = async (windows) => {
    const waitMs = pacer.waitFor(windows);
    if (waitMs > 0) return { waitMs };
    const ticket = pacer.acquire(windows);
    return { ticket: { release: async () => pacer.release(ticket) } };
  };
  return {
    tryReserve,
    reserve: (windows, signal) => reserveByPolling(tryReserve, windows, maxSleepMs, signal),
    block: async (key, untilMs) => pacer.block(key, untilMs),
    close: async () => {},
  };
}
