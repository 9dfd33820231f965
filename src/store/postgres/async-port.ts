import type { DeliveryControl, OutboxStore } from '../../core/digest/outbox-port.js';
import type { DigestLedger, DigestSource } from '../../core/digest/ports.js';
import type { AuditLog, ChatStore, FeedStore, SubscriptionStore, TopicStore } from '../../core/ports.js';
import type { StoryStore } from '../../core/story-port.js';
import type { createForumPostStore } from '../forum-post-store.js';
import type { MetaStore } from '../meta-store.js';

/**
 * A synchronous store port made asynchronous: every method keeps its name and arguments and
 * returns a Promise of what the synchronous one returns. The PostgreSQL stores are typed with it,
 * so the compiler checks each against its SQLite port, method by method.
 */
export type Async<Port> = {
  [K in keyof Port]: Port[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : Port[K];
};

/**
 * The digest ledger made asynchronous. `batch` is generic, which Async cannot carry over, and its
 * work is asynchronous too: the commits inside it are awaited, and all of them are kept or none.
 */
export type AsyncDigestLedger = Omit<Async<DigestLedger>, 'batch'> & {
  /** Runs `work` in one transaction (commits inside become savepoints); a throw rolls all of it back. */
  batch<T>(work: () => Promise<T>): Promise<T>;
};

export type ForumPostStore = ReturnType<typeof createForumPostStore>;

/** Every store over one database behind asynchronous ports: what createPgStores returns. */
export interface AsyncStores {
  topics: Async<TopicStore>;
  feeds: Async<FeedStore>;
  chats: Async<ChatStore>;
  audit: Async<AuditLog>;
  meta: Async<MetaStore>;
  stories: Async<StoryStore>;
  subscriptions: Async<SubscriptionStore>;
  digests: Async<DigestSource> & AsyncDigestLedger;
  outbox: OutboxStore;
  deliveryControl: DeliveryControl;
  forumPosts: ForumPostStore;
}
