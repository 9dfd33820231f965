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

/** The durable queue of messages to send. Messages of one chat are sent in id order. */
export interface OutboxStore {
  /** Pending messages, oldest first. */
  pending(limit: number): Promise<OutboxMessage[]>;
  /**
   * Records an attempt on a message about to be sent; false when it is no longer pending (held by
   * a pause, sent meanwhile), in which case it must not be sent.
   */
  claim(id: number, at: Date): Promise<boolean>;
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
