import type { Migration } from '../database.js';

/**
 * Story keys become per feed (src/ingest/story-key.ts feedStoryKey): a feed can no longer take
 * over another feed's story by copying its guid or link. Existing keys are scoped to the feed that
 * stored them, so re-polling finds them again and nothing already sent comes back. Stories whose
 * feed is gone keep their key: no feed will produce it again.
 *
 * outbox.failed_at: when a message was given up (refused by the platform, or out of attempts), for
 * /status.
 *
 * forum_posts: the Discord forum post a digest opened in a forum channel, so its later parts (also
 * after a restart) go into the same post instead of opening a second one.
 */
export const feedScopedKeysFailuresAndForumPosts: Migration = {
  name: 'feed-scoped story keys; outbox failed_at; Discord forum posts',
  up(db) {
    db.exec(`
      UPDATE stories SET key = 'feed:' || feed_id || ' ' || key
        WHERE feed_id IS NOT NULL AND key NOT LIKE 'feed:%';
      -- A feed's item under a new guid is found by its link (src/store/story-store.ts).
      CREATE INDEX stories_feed_url ON stories (feed_id, url);

      ALTER TABLE outbox ADD COLUMN failed_at TEXT;
      CREATE INDEX outbox_chat_failed ON outbox (chat_id, failed_at) WHERE status = 'failed';

      CREATE TABLE forum_posts (
        channel_id TEXT NOT NULL,
        title TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (channel_id, title)
      ) WITHOUT ROWID;
      CREATE INDEX forum_posts_created ON forum_posts (created_at);
    `);
  },
};
