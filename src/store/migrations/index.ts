import type { Migration } from '../database.js';
import { initialSchema } from './001-initial.js';
import { feedScopedKeysFailuresAndForumPosts } from './002-feed-scoped-keys-and-forum-posts.js';
import { storyLeadImages } from './003-story-lead-images.js';
import { subscriptionFormat } from './004-subscription-format.js';
import { personalTopics } from './005-personal-topics.js';
import { outboxChatLeases } from './006-outbox-chat-leases.js';
import { outboxLeaseIndexes } from './007-outbox-lease-indexes.js';

/** Append-only: the position in this list is the schema version (PRAGMA user_version). */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  feedScopedKeysFailuresAndForumPosts,
  storyLeadImages,
  subscriptionFormat,
  personalTopics,
  outboxChatLeases,
  outboxLeaseIndexes,
];
