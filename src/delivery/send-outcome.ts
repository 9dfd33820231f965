import type { DeliveryControl, OutboxMessage, OutboxStore } from '../core/digest/outbox-port.js';
import type { ChatId } from '../core/domain.js';
import type { ChatStore, Clock, Logger, Messenger, SendResult } from '../core/ports.js';
import type { SharedPacer } from '../limits/shared-pacer.js';
import type { ChatQueues } from './chat-queues.js';
import type { Pacer, PaceWindow } from './pacer.js';

/** What the delivery worker has seen since it started. */
export interface DeliveryStats {
  sent: number;
  /** 429s received despite pacing, each waited out. */
  rateLimited: number;
  transientFailures: number;
  /** Messages given up: refused by the platform, or out of attempts. */
  failed: number;
  pausedChats: number;
  migratedChats: number;
}

/** What the worker needs of the chat store; either backend's (synchronous SQLite, asynchronous PostgreSQL). */
export interface OutcomeChats {
  get(id: ChatId): ReturnType<ChatStore['get']> | Promise<ReturnType<ChatStore['get']>>;
  rename(oldId: ChatId, newId: ChatId): void | Promise<void>;
}

export interface OutcomeDeps {
  outbox: OutboxStore;
  control: DeliveryControl;
  chats: OutcomeChats;
  queues: ChatQueues;
  pacer: Pacer;
  /** The limits shared with other processes (REDIS_URL): a 429 pauses them all. */
  sharedPacer?: SharedPacer | undefined;
  clock: Clock;
  logger: Logger;
  windowsOf(message: OutboxMessage): PaceWindow[];
  backoffMs(attempts: number): number;
  /** Attempts after which a message that keeps failing transiently is failed. */
  maxAttempts: number;
  maxInMemoryWaitMs: number;
}

/**
 * What a send comes to decides what happens next: sent; waited out (429, counted); retried with
 * exponential backoff, the message kept (5xx, timeouts, network) until `maxAttempts`, then failed;
 * failed at once when the platform refused the message itself (too long, bad markup), so one bad
 * message never blocks the chat's next ones; the chat paused, its messages held and its moderators
 * told (blocked, kicked, deleted); the chat moved (Telegram supergroup).
 */
export function createOutcomeHandler(deps: OutcomeDeps) {
  const { outbox, queues, pacer, clock, logger } = deps;
  const stats: DeliveryStats = {
    sent: 0,
    rateLimited: 0,
    transientFailures: 0,
    failed: 0,
    pausedChats: 0,
    migratedChats: 0,
  };

  /** Gives the message up; the chat's queue moves on to its next message. */
  const fail = async (message: OutboxMessage, at: Date, reason: string): Promise<void> => {
    stats.failed++;
    await outbox.markFailed(message.id, at, reason);
    logger.warn(
      { chatId: message.chatId, outboxId: message.id, attempts: message.attempts + 1, reason },
      'message failed: given up, the chat’s next messages go on',
    );
  };

  const handle = async (message: OutboxMessage, result: SendResult, messenger: Messenger): Promise<void> => {
    const now = clock.now();
    if (result.ok) {
      await outbox.markSent(message.id, now);
      stats.sent++;
      return;
    }
    switch (result.kind) {
      case 'rate-limited': {
        stats.rateLimited++;
        const until = now.getTime() + Math.max(0, result.retryAfterMs);
        // The chat's own windows wait; the platform-wide one is ours to keep, and pacing keeps it.
        const chatWindows = deps.windowsOf(message).slice(1);
        for (const window of chatWindows) pacer.block(window.key, until);
        // Every process waits it out, the platform-wide window too when the limit was the platform's
        // (or the platform did not say): a 429 means the shared pacing was off. A limit the platform
        // says was this chat's alone holds only the chat.
        const held = result.scope === 'chat' ? chatWindows : deps.windowsOf(message);
        for (const window of held) await deps.sharedPacer?.block(window.key, until);
        if (result.retryAfterMs > deps.maxInMemoryWaitMs) {
          await outbox.retryLater(message.id, new Date(until), result.error);
          message.nextAttemptAt = new Date(until).toISOString();
        }
        logger.warn(
          { chatId: message.chatId, retryAfterMs: result.retryAfterMs },
          'rate limited by the platform despite pacing',
        );
        queues.putBack(message);
        return;
      }
      case 'refused':
        await fail(message, now, `refused by the platform: ${result.error}`);
        return;
      case 'transient': {
        stats.transientFailures++;
        const attempts = message.attempts + 1;
        if (attempts >= deps.maxAttempts) {
          await fail(message, now, `gave up after ${attempts} attempts: ${result.error}`);
          return;
        }
        const at = new Date(now.getTime() + deps.backoffMs(attempts));
        await outbox.retryLater(message.id, at, result.error);
        queues.putBack({ ...message, attempts, nextAttemptAt: at.toISOString() });
        logger.warn(
          { chatId: message.chatId, attempts, retryAt: at.toISOString(), error: result.error },
          'send failed, will retry',
        );
        return;
      }
      case 'permanent': {
        stats.pausedChats++;
        const reason = `the bot can no longer post here (${result.error})`;
        const { held } = await deps.control.pause(message.chatId, reason, now);
        queues.drop(message.chatId);
        logger.warn({ chatId: message.chatId, held, error: result.error }, 'chat paused: deliveries stopped');
        const chat = await deps.chats.get(message.chatId);
        if (chat && messenger.notifyPaused) {
          await messenger
            .notifyPaused(chat, reason)
            .catch((error: unknown) =>
              logger.warn({ err: error, chatId: chat.id }, 'could not tell the moderators about the pause'),
            );
        }
        return;
      }
      case 'migrated': {
        stats.migratedChats++;
        await deps.chats.rename(message.chatId, result.newChatId);
        for (const queued of [message, ...queues.drop(message.chatId)])
          queues.putBack({ ...queued, chatId: result.newChatId });
        logger.info({ from: message.chatId, to: result.newChatId }, 'chat moved to a new id');
        return;
      }
    }
  };

  return { handle, stats: (): DeliveryStats => ({ ...stats }) };
}
