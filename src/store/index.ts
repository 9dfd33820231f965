import { createAuditLog } from './audit-log.js';
import { createChatStore } from './chat-store.js';
import type { Db } from './database.js';
import { createFeedStore } from './feed-store.js';
import { createMetaStore } from './meta-store.js';
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
  };
}

export type Stores = ReturnType<typeof createStores>;
