import type { Migration } from '../database.js';
import { initialSchema } from './001-initial.js';
import { feedScopedKeysFailuresAndForumPosts } from './003-feed-scoped-keys-and-forum-posts.js';

/** Append-only: the position in this list is the schema version (PRAGMA user_version). */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  // 002 (the `hot` branch) goes here when the branches are merged.
  feedScopedKeysFailuresAndForumPosts,
];
