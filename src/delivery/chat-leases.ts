import type { OutboxStore } from '../core/digest/outbox-port.js';
import type { ChatId, Platform } from '../core/domain.js';
import type { ChatQueues } from './chat-queues.js';

/**
 * The delivery worker's side of the outbox leases (OutboxStore.leaseChats): which chats this
 * process may send to. A chat is leased with all its pending messages, so one process at a time
 * sends a chat's messages, in order; the lease is renewed while the chat has due messages here and
 * given back when its queue is empty. A process that dies keeps its chats only until their leases
 * run out; the claim before each send checks the lease, so a process that lost one sends nothing.
 */
export interface ChatLeasesOptions {
  outbox: OutboxStore;
  queues: ChatQueues;
  /** This process's name in the leases: unique per process with several; with SQLite's one process any fixed name. */
  owner: string;
  /** How long a lease lasts unrenewed (a crashed process's chats wait this long). */
  leaseMs: number;
  /** The platforms this process sends to now (those with a messenger, which may start later): others' chats are left alone. */
  platforms(): readonly Platform[];
  /** Chats held at once, per platform. */
  maxChats: number;
  now(): number;
  inFlight(id: number): boolean;
  busy(chatId: ChatId): boolean;
}

export function createChatLeases(options: ChatLeasesOptions) {
  const { outbox, queues, owner, leaseMs } = options;
  const toRelease = new Set<ChatId>();
  let leasedAt = -Infinity;
  return {
    owner,
    /** Time to renew: a third of a lease has passed since the last lease call. */
    renewalDue: (): boolean => options.now() - leasedAt >= leaseMs / 3,
    /**
     * Gives back the chats released since, then leases what is due (this process's own renewed)
     * into the queues, up to maxChats of each platform: a burst for one platform never keeps
     * another's chats waiting.
     */
    async refresh(): Promise<number> {
      await this.flushReleases();
      const at = options.now();
      let leased = 0;
      for (const platform of options.platforms()) {
        const leases = await outbox.leaseChats(owner, platform, options.maxChats, new Date(at), new Date(at + leaseMs));
        for (const lease of leases) queues.set(lease.chatId, lease.messages, options.inFlight);
        leased += leases.length;
      }
      leasedAt = at;
      return leased;
    },
    /** The chat has nothing more to send here: forget it and give its lease back at the next refresh. */
    release(chatId: ChatId): void {
      queues.drop(chatId);
      toRelease.add(chatId);
    },
    async flushReleases(): Promise<void> {
      const chatIds = [...toRelease].filter((chatId) => !queues.has(chatId) && !options.busy(chatId));
      toRelease.clear();
      if (chatIds.length > 0) await outbox.releaseChats(owner, chatIds);
    },
    /** Stopping: every chat held goes back. */
    async releaseAll(): Promise<void> {
      const chatIds = queues.chatIds().filter((chatId) => !options.busy(chatId));
      for (const chatId of chatIds) this.release(chatId);
      await this.flushReleases();
    },
  };
}

export type ChatLeases = ReturnType<typeof createChatLeases>;
