import type { PaceWindow } from '../delivery/pacer.js';

export type { PaceWindow };

/**
 * The sending limits every process shares (DESIGN.md "Past one machine"): the asynchronous form of
 * src/delivery/pacer.ts, over Redis (redis-pacer.ts) or this process's memory (memory-pacer.ts).
 */
export interface SharedPacer {
  /** Waits until a send under all these windows may start (its slot included), then takes a slot in each (all or none). */
  reserve(windows: readonly PaceWindow[], signal?: AbortSignal): Promise<SendTicket>;
  /** One attempt: the slots now, or how long to wait before asking again. */
  tryReserve(windows: readonly PaceWindow[]): Promise<Reservation>;
  /** Nothing under this key, in any process, before `untilMs` (epoch ms: a platform's retry_after). */
  block(key: string, untilMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface SendTicket {
  /** The slot taken starts this long after tryReserve answered (0 or less: at once); reserve() waits for it. */
  startsInMs?: number;
  /** The send finished (whatever its outcome): its slots expire a window after now. */
  release(): Promise<void>;
}

export type Reservation = { ticket: SendTicket; waitMs?: undefined } | { ticket?: undefined; waitMs: number };

/** A promise for `ms` that rejects early when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * reserve() from tryReserve(): asks again when the wait is over, never sleeping longer than
 * `maxSleepMs` (a slot in flight frees when its send finishes, which no wait can foresee).
 */
export async function reserveByPolling<Ticket extends SendTicket>(
  tryReserve: (
    windows: readonly PaceWindow[],
  ) => Promise<{ ticket: Ticket; waitMs?: undefined } | { ticket?: undefined; waitMs: number }>,
  windows: readonly PaceWindow[],
  maxSleepMs: number,
  signal?: AbortSignal,
): Promise<Ticket> {
  for (;;) {
    signal?.throwIfAborted();
    const { ticket, waitMs = 0 } = await tryReserve(windows);
    if (ticket) {
      const { startsInMs = 0 } = ticket;
      if (startsInMs > 0)
        await sleep(startsInMs, signal).catch(async (error: unknown) => {
          await ticket.release();
          throw error;
        });
      return ticket;
    }
    await sleep(Math.max(1, Math.min(waitMs, maxSleepMs)), signal);
  }
}
