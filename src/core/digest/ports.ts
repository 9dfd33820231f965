import type { ChatId, Quote } from '../domain.js';
import type { Digest } from '../reply.js';
import type { ChatDeliveryStatus, OutboxStatus } from './outbox-port.js';

/** A stored story as digest selection sees it. */
export interface CandidateStory {
  id: number;
  clusterId: number | null;
  source: string;
  headline: string;
  url: string | null;
  publishedAt: string | null;
  arrivedAt: string;
  /** The lead image's address (see Story.imageUrl); absent or null when it has none. */
  imageUrl?: string | null;
}

/** The new stories of one topic after a watermark. */
export interface NewStories {
  /** Stories that may be pushed (not from a feed's first poll), oldest first. */
  stories: CandidateStory[];
  /** The highest story id looked at, pushable or not: the watermark once these are considered. */
  maxId: number;
}

/** The reading side of digests, over the stories, quotes and deliveries tables. */
export interface DigestSource {
  newStories(topicId: number, afterStoryId: number): Promise<NewStories>;
  /** For these clusters, the ids of their members at or below `atOrBelowId` (older coverage). */
  earlierClusterMembers(clusterIds: readonly number[], atOrBelowId: number): Promise<Map<number, number[]>>;
  /** Stories with id above `afterStoryId` already delivered to the chat, with their clusters. */
  deliveredSince(chatId: ChatId, afterStoryId: number): Promise<Map<number, number | null>>;
  /** Which of these stories were delivered to the chat. */
  deliveredAmong(chatId: ChatId, storyIds: readonly number[]): Promise<Set<number>>;
  /** Key quotes of each story, best first. */
  keyQuotes(storyIds: readonly number[]): Promise<Map<number, Quote[]>>;
  /** The highest story id stored (0 when none): a new subscription's watermark. */
  latestStoryId(): Promise<number>;
}

/** Everything one digest changes, written in one transaction. */
export interface DigestCommit {
  chatId: ChatId;
  at: string;
  /** Rendered platform messages in sending order, each with its idempotency key. */
  messages: { key: string; payload: string }[];
  deliveries: { storyId: number; subscriptionId: number | null }[];
  /**
   * Subscriptions moved on by this digest. When `expectedNextRunAt` is given and the stored next
   * run differs (another run got there first), nothing at all is written.
   */
  advances: {
    subscriptionId: number;
    watermark: number;
    nextRunAt?: string | null;
    expectedNextRunAt?: string | null;
  }[];
}

/**
 * The store itself cannot write (disk full, I/O error, read-only or corrupt database): not one
 * digest's problem, so the digest job stops and the batch it was writing is rolled back whole.
 */
export class DigestStorageError extends Error {
  override readonly name = 'DigestStorageError';
}

/** The writing side of digests. */
export interface DigestLedger {
  /**
   * Writes the outbox messages, deliveries and subscription advances atomically; false if it wrote
   * nothing. Throws DigestStorageError when the storage fails.
   */
  commit(plan: DigestCommit): Promise<boolean>;
  /**
   * Runs `work` in one transaction (commits inside become savepoints), for batching many digests:
   * every store call awaited inside it writes in it, and a throw rolls all of it back.
   */
  batch<T>(work: () => Promise<T>): Promise<T>;
}

/** What the digest commands may do, implemented by the digest job's module. */
export interface DigestActions {
  /**
   * This chat's digest as it would be sent now — all its subscriptions, or those of `topicIds` —
   * without moving any watermark. Null when nothing is new.
   */
  preview(chatId: ChatId, topicIds: readonly number[] | null, now: Date): Promise<Digest | null>;
  /**
   * Builds and queues the digest now, as a scheduled run would: its stories count as delivered and
   * watermarks move; the next scheduled run stays. Null when nothing is new.
   */
  sendNow(
    chatId: ChatId,
    topicIds: readonly number[] | null,
    now: Date,
  ): Promise<{ stories: number; messages: number } | null>;
  /** Stops the chat's deliveries: no digest is built and its pending messages are held. */
  pause(chatId: ChatId, reason: string, now: Date): Promise<{ held: number }>;
  /** Starts the chat's deliveries again, releasing the held messages. */
  resume(chatId: ChatId, now: Date): Promise<{ released: number }>;
  /** The chat's outbox as its moderators may see it: waiting, held, failed (with the latest reasons). */
  deliveryStatus(chatId: ChatId, recentFailures: number): Promise<ChatDeliveryStatus>;
  /** The whole outbox by status, for the operator. */
  deliveryTotals(): Promise<Record<OutboxStatus, number>>;
}
