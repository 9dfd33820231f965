import type { DeliveryControl, OutboxStore } from '../core/digest/outbox-port.js';
import type { DigestLedger, DigestSource } from '../core/digest/ports.js';
import type { AuditLog, ChatStore, FeedStore, SubscriptionStore, TopicStore } from '../core/ports.js';
import type { StoryStore } from '../core/story-port.js';
import type { MetaStore } from './meta-store.js';

/** The Discord forum posts digests opened, by channel and post title (the messenger's ForumPostLinks). */
export interface ForumPostStore {
  get(channelId: string, title: string): Promise<string | null>;
  save(channelId: string, title: string, threadId: string, at: Date): Promise<void>;
}

/**
 * Every store over one database, each behind its asynchronous core port: what createStores (SQLite)
 * and createPgStores (PostgreSQL) return, so the rest of the app does not know which it has.
 */
export interface Stores {
  topics: TopicStore;
  feeds: FeedStore;
  chats: ChatStore;
  audit: AuditLog;
  /** Small key/value facts about the database (catalogue hash, registered command hash). */
  meta: MetaStore;
  stories: StoryStore;
  subscriptions: SubscriptionStore;
  /** Digest reading (stories, deliveries) and writing (outbox, deliveries, watermarks). */
  digests: DigestSource & DigestLedger;
  outbox: OutboxStore;
  deliveryControl: DeliveryControl;
  /** Discord forum posts opened by digests, so a restart does not open a second one. */
  forumPosts: ForumPostStore;
  /**
   * Runs `work` as one transaction: every store call awaited inside it writes in it, a nested call
   * becomes a savepoint, a throw rolls it back. Calls from elsewhere meanwhile are not part of it.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}
