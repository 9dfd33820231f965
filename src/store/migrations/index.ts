import type { Migration } from '../database.js';
import { initialSchema } from './001-initial.js';
import { feedScopedKeysFailuresAndForumPosts } from './002-feed-scoped-keys-and-forum-posts.js';
import { subscriptionFormat } from './004-subscription-format.js';

/**
 * Append-only: the position in this list is the schema version (PRAGMA user_version). 003 is the
 * lead-images migration of a parallel branch; it goes before 004 when the branches meet.
 */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  feedScopedKeysFailuresAndForumPosts,
  subscriptionFormat,
];
