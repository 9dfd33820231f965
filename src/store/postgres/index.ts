import type { Stores } from '../stores.js';
import { createPgAuditLog } from './audit-log-store.js';
import { createPgChatStore } from './chat-store.js';
import type { PgPool } from './connect.js';
import { createPgDeliveryControl } from './delivery-control-store.js';
import { createPgDigestStore } from './digest-store.js';
import { createPgFeedStore } from './feed-store.js';
import { createPgForumPostStore } from './forum-post-store.js';
import { createPgMetaStore } from './meta-store.js';
import { createPgOutboxStore } from './outbox-store.js';
import { pgDb } from './pg-db.js';
import { createPgStoryStore } from './story-store.js';
import { createPgSubscriptionStore } from './subscription-store.js';
import { createPgTopicStore } from './topic-store.js';

/**
 * The stores over one PostgreSQL pool, as createStores(db) over SQLite, each implementing its
 * core port. They share the pool's transactions: a store called inside `transaction` (or
 * `digests.batch`) writes in it.
 */
export function createPgStores(pool: PgPool): Stores {
  return {
    topics: createPgTopicStore(pool),
    feeds: createPgFeedStore(pool),
    chats: createPgChatStore(pool),
    audit: createPgAuditLog(pool),
    meta: createPgMetaStore(pool),
    stories: createPgStoryStore(pool),
    subscriptions: createPgSubscriptionStore(pool),
    digests: createPgDigestStore(pool),
    outbox: createPgOutboxStore(pool),
    deliveryControl: createPgDeliveryControl(pool),
    forumPosts: createPgForumPostStore(pool),
    transaction: pgDb(pool).transaction,
  };
}
