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
import { createStoryStore } from './story-store.js';
import { createTopicStore } from './topic-store.js';

export { openDatabase, type Db } from './database.js';

/** The stores over one database, each implementing a port of src/core. */
export function createStores(db: Db) {
  return {
    topics: createTopicStore(db),
    feeds: createFeedStore(db),
    chats: createChatStore(db),
    audit: createAuditLog(db),
    meta: createMetaStore(db),
    stories: createStoryStore(db),
    subscriptions: createSubscriptionStore(db),
    /** Digest reading (stories, deliveries) and writing (outbox, deliveries, watermarks). */
    digests: createDigestStore(db),
    outbox: createOutboxStore(db),
    deliveryControl: createDeliveryControl(db),
    /** Discord forum posts opened by digests, so a restart does not open a second one. */
    forumPosts: createForumPostStore(db),
  };
}

export type Stores = ReturnType<typeof createStores>;
