import type { OutboxMessage } from '../core/digest/outbox-port.js';
import type { ChatId } from '../core/domain.js';

/**
 * The delivery worker's memory of the chats it leased: each one's pending messages, oldest first.
 * The outbox stays the truth (a message is claimed there before it is sent); this only saves reading
 * it for every send.
 */
export function createChatQueues() {
  const queues = new Map<ChatId, OutboxMessage[]>();
  return {
    /** A leased chat's pending messages (in id order), as read again from the outbox, less those in flight. */
    set(chatId: ChatId, pending: readonly OutboxMessage[], inFlight: (id: number) => boolean): void {
      queues.set(
        chatId,
        pending.filter((message) => !inFlight(message.id)),
      );
    },
    has: (chatId: ChatId): boolean => queues.has(chatId),
    chatIds: (): ChatId[] => [...queues.keys()],
    /** A message to try again: back in its chat's queue, in id order. */
    putBack(message: OutboxMessage): void {
      const queue = (queues.get(message.chatId) ?? []).filter((queued) => queued.id !== message.id);
      queue.push(message);
      queue.sort((a, b) => a.id - b.id);
      queues.set(message.chatId, queue);
    },
    /** Forgets the chat's queue and returns it. */
    drop(chatId: ChatId): OutboxMessage[] {
      const queue = queues.get(chatId) ?? [];
      queues.delete(chatId);
      return queue;
    },
    entries: () => queues.entries(),
    get size(): number {
      return queues.size;
    },
    /** The earliest retry time among the heads that `sendable` accepts, or null. */
    earliestAttempt(sendable: (message: OutboxMessage) => boolean): number | null {
      let earliest: number | null = null;
      for (const queue of queues.values()) {
        const head = queue[0];
        if (head && sendable(head)) {
          const at = Date.parse(head.nextAttemptAt);
          earliest = earliest === null ? at : Math.min(earliest, at);
        }
      }
      return earliest;
    },
  };
}

export type ChatQueues = ReturnType<typeof createChatQueues>;
