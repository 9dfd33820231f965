import { setMaxListeners } from 'node:events';
import type { OutboxMessage } from '../core/digest/outbox-port.js';
import { PLATFORMS, type ChatId, type Platform } from '../core/domain.js';
import type { Messenger, OutgoingMessage, SendResult } from '../core/ports.js';
import type { SendTicket } from '../limits/shared-pacer.js';
import { createChatLeases } from './chat-leases.js';
import { createChatQueues } from './chat-queues.js';
import { createPacer, type PaceTicket } from './pacer.js';
import { messageWindows } from './pacing.js';
import {
  DEFAULT_MAX_ATTEMPTS,
  defaultSleep,
  exponentialBackoff,
  type OutboxWorkerOptions,
} from './outbox-worker-options.js';
import { createOutcomeHandler, type DeliveryStats } from './send-outcome.js';

export type { DeliveryStats } from './send-outcome.js';
export type { OutboxWorkerOptions } from './outbox-worker-options.js';
export { DEFAULT_MAX_ATTEMPTS, exponentialBackoff } from './outbox-worker-options.js';

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
 *
 * Several processes share one outbox through leases per chat (chat-leases.ts); every send also
 * waits for the limits all processes share (`sharedPacer`, Redis).
 */
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

  const leaseMs = options.leaseMs ?? 60_000;
  const leases = createChatLeases({
    outbox,
    queues,
    owner: options.owner ?? 'local',
    leaseMs,
    platforms: () => PLATFORMS.filter((platform) => options.messengerFor(platform) !== undefined),
    maxChats: options.maxChats ?? 256,
    now: nowMs,
    inFlight: (id) => inFlight.has(id),
    busy: (chatId) => busy.has(chatId),
  });
  // Leasing again after every chat that empties would query the store per message: once in a while
  // unless nothing else is going on (real time: it is about load on the store, not the clock's time).
  let lastReload = -Infinity;
  const reload = async (): Promise<void> => {
    dirty = false;
    lastReload = performance.now();
    await leases.refresh();
  };
  const reloadDue = (): boolean => (dirty && performance.now() - lastReload >= 100) || leases.renewalDue();
  // Every send waiting for the shared limits listens to it: dozens at once, no leak.
  const stopController = (): AbortController => {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    return controller;
  };
  let stopping$ = stopController();

  const windowsOf = messageWindows(options.pacing);

  const outcomes = createOutcomeHandler({
    ...options,
    queues,
    pacer,
    sharedPacer: options.sharedPacer,
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
  const send = async (message: OutboxMessage, messenger: Messenger, ticket: PaceTicket): Promise<void> => {
    let claimed = false;
    try {
      claimed = await outbox.claim(message.id, new Date(nowMs()), leases.owner);
    } finally {
      if (!claimed) pacer.release(ticket);
    }
    if (!claimed) {
      // Sent or held meanwhile, or the lease is lost: read the chat again from the outbox, if it is still ours.
      queues.drop(message.chatId);
      dirty = true;
      return;
    }
    // The shared slot last, right before the request: nothing slow between the two.
    let shared: SendTicket | undefined;
    try {
      shared = await options.sharedPacer?.reserve(windowsOf(message), stopping$.signal);
    } catch (error) {
      // Stopping: the message stays pending (its attempt counted) for the next start or process.
      pacer.release(ticket);
      if (stopping$.signal.aborted) return;
      throw error;
    }
    let result: SendResult;
    try {
      const planned = JSON.parse(message.payload) as OutgoingMessage;
      result = await messenger.send(message.chatId, { ...planned, idempotencyKey: message.idempotencyKey });
    } catch (error) {
      // The port promises not to throw; if a messenger does, the message is kept.
      result = { ok: false, kind: 'transient', error: error instanceof Error ? error.message : String(error) };
    } finally {
      pacer.release(ticket);
      await shared?.release();
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
        // Its last message may still be in flight: the lease is kept until that is settled.
        if (!busy.has(chatId)) {
          leases.release(chatId);
          dirty = true;
        }
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
      const task = send(head, messenger, pacer.acquire(windows))
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

  /** Leasing runs beside the sends: a slow store does not hold back the chats already here. */
  let reloading: Promise<void> | null = null;
  const startReload = (): Promise<void> =>
    (reloading ??= reload()
      .catch((error: unknown) => logger.error({ err: error }, 'leasing chats failed'))
      .finally(() => {
        reloading = null;
        // Wakes a pass waiting on sends; not the idle loop, which would lease again at once, forever.
        if (inFlight.size > 0) signal();
      }));

  const drainOnce = async (): Promise<void> => {
    let reloaded = false;
    for (;;) {
      // Taken before starting sends, so a send that finishes before the sleep still wakes it.
      const woken = wakeUp.signal;
      if (!reloading && reloadDue()) void startReload();
      const soonest = startReady();
      if (inFlight.size === 0 && soonest === null) {
        if (reloading) {
          await reloading;
          reloaded = true;
          continue;
        }
        // Nothing under way and nothing due in what this process holds: done once the outbox had
        // nothing more to lease either.
        if (queues.size > 0 || reloaded || stopping) return;
        dirty = true;
        lastReload = -Infinity;
        continue;
      }
      reloaded = false;
      // Woken by every finished send and lease; the leases are renewed while waiting long.
      await sleep(Math.min(soonest ?? 60_000, leaseMs / 3), woken);
    }
  };

  const drain = async (): Promise<void> => {
    dirty = true;
    lastReload = -Infinity;
    await drainOnce();
    await Promise.all(inFlight.values());
  };

  return {
    drain,
    start() {
      if (running) return;
      stopping = false;
      if (stopping$.signal.aborted) stopping$ = stopController();
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
          const idle = options.idlePollMs ?? 60_000;
          await sleep(Math.min(idle, leaseMs / 3, retry === null ? idle : Math.max(0, retry - nowMs())), woken);
          dirty = true;
          lastReload = -Infinity;
        }
        await Promise.all(inFlight.values());
        await leases.releaseAll().catch((error: unknown) => logger.warn({ err: error }, 'could not give leases back'));
      })();
    },
    wake() {
      dirty = true;
      signal();
    },
    async stop() {
      stopping = true;
      stopping$.abort();
      signal();
      await running;
      await Promise.all(inFlight.values());
      await reloading;
      running = null;
    },
    stats: outcomes.stats,
  };
}
