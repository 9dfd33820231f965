import { createAuditLog } from './audit-log.js';
import { createChatStore } from './chat-store.js';
import { createDeliveryControl } from './delivery-control.js';
import { createDigestStore } from './digest-store.js';
import { createOutboxStore } from './outbox-store.js';
import { createSubscriptionStore } from './subscription-store.js';
import type { Db } from './database.js';
import { createFeedStore } from './feed-store.js';
import { createForumPostStore } from './forum-post-store.js';
import { createMetaStore } from './meta-store.js';
import { gatedStore, sqliteDb } from './sqlite-db.js';
import { createStoryStore } from './story-store.js';
import type { Stores } from './stores.js';
import { createTopicStore } from './topic-store.js';

export { openDatabase, type Db } from './database.js';
export type { ForumPostStore, Stores } from './stores.js';

/**
 * The stores over one SQLite database, each implementing a port of src/core. They share the
 * connection's transactions (src/store/sqlite-db.ts): a store called inside `transaction` writes
 * in it, and a call from elsewhere waits for it to end.
 */
export function createStores(db: Db): Stores {
  return {
    topics: createTopicStore(db),
    feeds: createFeedStore(db),
    chats: createChatStore(db),
    audit: createAuditLog(db),
    meta: createMetaStore(db),
    stories: createStoryStore(db),
    subscriptions: createSubscriptionStore(db),
    digests: createDigestStore(db),
    outbox: gatedStore(db, createOutboxStore(db)),
    deliveryControl: gatedStore(db, createDeliveryControl(db)),
    forumPosts: gatedStore(db, createForumPostStore(db)),
    transaction: sqliteDb(db).transaction,
  };
}
