import type { ChatId, ChatKind, Platform } from '../domain.js';

/** One planned platform message waiting in the outbox. */
export interface OutboxMessage {
  id: number;
  chatId: ChatId;
  platform: Platform;
  chatKind: ChatKind;
  /** (subscriptions, scheduled time, part): the same across restarts. */
  idempotencyKey: string;
  /** The rendered OutgoingMessage as JSON: a restart sends exactly what was planned. */
  payload: string;
  attempts: number;
  nextAttemptAt: string;
}

export type OutboxStatus = 'pending' | 'sent' | 'held' | 'failed';

/** A chat's outbox leased to one delivery process: its pending messages, oldest first. */
export interface ChatLease {
  chatId: ChatId;
  messages: OutboxMessage[];
}

/** The durable queue of messages to send. Messages of one chat are sent in id order. */
export interface OutboxStore {
  /** Pending messages, oldest first. */
  pending(limit: number): Promise<OutboxMessage[]>;
  /**
   * Leases to `owner`, until `until`, up to `limit` chats of `platform` whose oldest pending
   * message is due at `at` and which no other owner's lease holds at `at` — the owner's own first
   * (renewed), then the others oldest head first; returns each with all its pending messages in id
   * order. Per platform, so a burst for one platform never holds back another's chats. Two owners
   * never hold one chat at once (PostgreSQL picks with FOR UPDATE SKIP LOCKED); a lease that ran
   * out — its process died — lets the next claimer take the chat over.
   */
  leaseChats(owner: string, platform: Platform, limit: number, at: Date, until: Date): Promise<ChatLease[]>;
  /** Ends the owner's leases on these chats (nothing more to send there now), so any process may take them. */
  releaseChats(owner: string, chatIds: readonly ChatId[]): Promise<void>;
  /**
   * Records an attempt on a message about to be sent; false when it is no longer pending (held by
   * a pause, sent meanwhile) or, given an `owner`, when that owner's lease on its chat is not live
   * at `at` (another process may have it): then it must not be sent.
   */
  claim(id: number, at: Date, owner?: string): Promise<boolean>;
  markSent(id: number, at: Date): Promise<void>;
  /** Keeps the message for another attempt at `at`. */
  retryLater(id: number, at: Date, error: string): Promise<void>;
  /** Gives the message up for good (refused by the platform, or out of attempts), with the reason. */
  markFailed(id: number, at: Date, reason: string): Promise<void>;
  counts(): Promise<Record<OutboxStatus, number>>;
  /** What a chat's moderators may see of its deliveries: counts and the most recent failures. */
  chatStatus(chatId: ChatId, recentFailures: number): Promise<ChatDeliveryStatus>;
}

/** A failed message, as its chat's moderators see it. */
export interface FailedMessage {
  failedAt: string;
  attempts: number;
  reason: string;
}

export interface ChatDeliveryStatus {
  counts: Record<OutboxStatus, number>;
  /** The most recent failures, newest first. */
  failures: FailedMessage[];
}

/** Pausing and resuming a chat's deliveries, with its outbox, in one transaction. */
export interface DeliveryControl {
  /** Marks the chat paused with the reason and holds (keeps, unsent) its pending messages. */
  pause(chatId: ChatId, reason: string, at: Date): Promise<{ held: number }>;
  /** Clears the pause and makes the held messages pending again, due now. */
  resume(chatId: ChatId, at: Date): Promise<{ released: number }>;
}
