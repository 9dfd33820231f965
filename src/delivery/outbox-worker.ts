import { setTimeout as delay } from 'node:timers/promises';
import type { DeliveryControl, OutboxMessage, OutboxStore } from '../core/digest/outbox-port.js';
import type { ChatId, Platform } from '../core/domain.js';
import type { ChatStore, Clock, Logger, Messenger, OutgoingMessage, SendResult } from '../core/ports.js';
import { createChatQueues } from './chat-queues.js';
import { createPacer, type PaceTicket, type Pacer, type PaceWindow } from './pacer.js';
import { paceWindows, type PacingLimits } from './pacing.js';
import { createOutcomeHandler, type DeliveryStats } from './send-outcome.js';

export type { DeliveryStats } from './send-outcome.js';

/**
 * The delivery worker: sends the outbox, each chat's messages in order, many chats at once, paced
 * under every platform limit before sending (src/delivery/pacer.ts); what a send comes to is
 * handled in send-outcome.ts.
 *
 * A message is claimed (its attempt recorded) before it is sent and marked sent after: a crash
 * between the platform accepting it and the mark leaves it pending, so it is sent again on
 * restart with the same idempotency key. Discord drops the repeat (nonce + enforce_nonce);
 * Telegram has no such key, so the window is bounded instead: a chat has at most ONE message in
 * flight (`busy`), its next one starts only once the last is confirmed, so a crash doubles at
 * most one message per chat (tests/delivery/telegram-crash.test.ts).
 */

export interface OutboxWorkerOptions {
  outbox: OutboxStore;
  control: DeliveryControl;
  chats: ChatStore;
  /** The running platform's messenger; messages for a platform that is not running wait. */
  messengerFor(platform: Platform): Messenger | undefined;
  pacing: PacingLimits;
  clock: Clock;
  logger: Logger;
  pacer?: Pacer;
  /** Waits `ms`, or less when `signal` aborts. Tests pass one that moves a fake clock. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Sends in flight at once, over all chats. */
  maxInFlight?: number;
  /** Delay before attempt `attempts + 1` after a transient failure. */
  backoffMs?: (attempts: number) => number;
  /** Attempts (429s included) before a message that keeps failing is failed; default 15, over about 5½ hours. */
  maxAttempts?: number;
  /** A retry_after longer than this reschedules the message in the outbox rather than waiting in memory. */
  maxInMemoryWaitMs?: number;
  batchSize?: number;
}

export interface OutboxWorker {
  /** Sends every message that is due, waiting out pacing; resolves when the rest (if any) waits for a retry time. */
  drain(): Promise<void>;
  /** Keeps draining until stopped, waking for retries and for wake(). */
  start(): void;
  /** New or released messages: look again. */
  wake(): void;
  /** Stops after the sends in flight finish. */
  stop(): Promise<void>;
  stats(): DeliveryStats;
}

/** 5 s, 10 s, 20 s … up to an hour. */
export const exponentialBackoff = (attempts: number): number =>
  Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);

/** With exponentialBackoff: the 15th attempt comes about 5½ hours after the first. */
export const DEFAULT_MAX_ATTEMPTS = 15;

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  delay(ms, undefined, { signal }).catch(() => undefined);

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { outbox, clock, logger } = options;
  const nowMs = (): number => clock.now().getTime();
  const pacer = options.pacer ?? createPacer(nowMs);
  const sleep = options.sleep ?? defaultSleep;
  const maxInFlight = options.maxInFlight ?? 64;
  const queues = createChatQueues();
  const busy = new Set<ChatId>();
  const inFlight = new Map<number, Promise<void>>();
  let dirty = true;
  let wakeUp = new AbortController();
  let running: Promise<void> | null = null;
  let stopping = false;

  const signal = (): void => {
    wakeUp.abort();
    wakeUp = new AbortController();
  };

  const reload = async (): Promise<void> => {
    // A message read as pending that a finishing send marks sent meanwhile is queued again, but its
    // claim then fails: claim is the guard against sending it twice.
    const pending = await outbox.pending(options.batchSize ?? 10_000);
    queues.replace(pending, (id) => inFlight.has(id));
    dirty = false;
  };

  const windowCache = new WeakMap<OutboxMessage, PaceWindow[]>();
  const windowsOf = (message: OutboxMessage): PaceWindow[] => {
    let windows = windowCache.get(message);
    if (!windows) {
      windows = paceWindows(options.pacing, message.platform, message.chatId, message.chatKind);
      windowCache.set(message, windows);
    }
    return windows;
  };

  const outcomes = createOutcomeHandler({
    ...options,
    queues,
    pacer,
    windowsOf,
    backoffMs: options.backoffMs ?? exponentialBackoff,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    maxInMemoryWaitMs: options.maxInMemoryWaitMs ?? 60_000,
  });

  /**
   * Sends a message whose pacing slots `ticket` already holds (taken synchronously by startReady, so
   * the next chat of the same pass sees them). The claim comes first: a message held by a pause or
   * sent meanwhile is not sent (its slots then just expire, a harmless pause in pacing).
   */
  const send = async (message: OutboxMessage, messenger: Messenger, ticket: PaceTicket, at: Date): Promise<void> => {
    let claimed = false;
    try {
      claimed = await outbox.claim(message.id, at);
    } finally {
      if (!claimed) pacer.release(ticket);
    }
    if (!claimed) return;
    let result: SendResult;
    try {
      const planned = JSON.parse(message.payload) as OutgoingMessage;
      result = await messenger.send(message.chatId, { ...planned, idempotencyKey: message.idempotencyKey });
    } catch (error) {
      // The port promises not to throw; if a messenger does, the message is kept.
      result = { ok: false, kind: 'transient', error: error instanceof Error ? error.message : String(error) };
    } finally {
      pacer.release(ticket);
    }
    await outcomes.handle(message, result, messenger);
  };

  /** Starts every send that may start now; returns how long until another might, or null when nothing waits. */
  const startReady = (): number | null => {
    const now = nowMs();
    let soonest: number | null = null;
    const consider = (ms: number): void => {
      soonest = soonest === null ? ms : Math.min(soonest, ms);
    };
    // A platform whose overall window is full holds all its chats: checked once per pass.
    const platformWait = new Map<Platform, number>();
    for (const [chatId, queue] of queues.entries()) {
      const head = queue[0];
      if (!head) {
        queues.drop(chatId);
        continue;
      }
      if (busy.has(chatId)) continue;
      const messenger = options.messengerFor(head.platform);
      if (!messenger) continue;
      const dueIn = Date.parse(head.nextAttemptAt) - now;
      if (dueIn > 0) continue;
      // At the cap, a finishing send wakes the loop.
      if (inFlight.size >= maxInFlight) return soonest;
      const windows = windowsOf(head);
      let overall = platformWait.get(head.platform);
      if (overall === undefined) {
        overall = windows.length > 0 ? pacer.waitFor(windows.slice(0, 1)) : 0;
        platformWait.set(head.platform, overall);
      }
      if (overall > 0) {
        if (overall !== Infinity) consider(overall);
        continue;
      }
      const wait = pacer.waitFor(windows);
      if (wait > 0) {
        if (wait !== Infinity) consider(wait);
        continue;
      }
      queue.shift();
      // This send takes a slot of the overall window: look at it afresh for the next chat.
      platformWait.delete(head.platform);
      // Busy until its outcome is written: at most one unconfirmed message per chat, in order.
      busy.add(chatId);
      const task = send(head, messenger, pacer.acquire(windows), new Date(now))
        .catch((error: unknown) => logger.error({ err: error, chatId, outboxId: head.id }, 'delivery failed'))
        .finally(() => {
          inFlight.delete(head.id);
          busy.delete(chatId);
          signal();
        });
      inFlight.set(head.id, task);
    }
    return soonest;
  };

  const drainOnce = async (): Promise<void> => {
    for (;;) {
      // Taken before starting sends, so a send that finishes before the sleep still wakes it.
      const woken = wakeUp.signal;
      if (dirty) await reload();
      const soonest = startReady();
      if (inFlight.size === 0 && soonest === null) {
        if (queues.size > 0 || (await outbox.pending(1)).length === 0 || stopping) return;
        dirty = true;
        continue;
      }
      await sleep(soonest ?? 60_000, woken);
    }
  };

  const drain = async (): Promise<void> => {
    dirty = true;
    await drainOnce();
    await Promise.all(inFlight.values());
  };

  return {
    drain,
    start() {
      if (running) return;
      stopping = false;
      running = (async () => {
        while (!stopping) {
          // Taken before the pass: a wake() during it means look again at once.
          const woken = wakeUp.signal;
          try {
            await drainOnce();
          } catch (error) {
            logger.error({ err: error }, 'delivery worker pass failed');
          }
          if (stopping) break;
          const retry = queues.earliestAttempt((head) => options.messengerFor(head.platform) !== undefined);
          await sleep(retry === null ? 60_000 : Math.max(0, retry - nowMs()), woken);
          dirty = true;
        }
        await Promise.all(inFlight.values());
      })();
    },
    wake() {
      dirty = true;
      signal();
    },
    async stop() {
      stopping = true;
      signal();
      await running;
      await Promise.all(inFlight.values());
      running = null;
    },
    stats: outcomes.stats,
  };
}
