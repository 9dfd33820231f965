import type { Migration } from '../database.js';

/** The whole domain from the start. Times are ISO 8601 UTC text, which sorts as time. */
export const initialSchema: Migration = {
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE topics (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        community_id TEXT,
        include_keywords TEXT NOT NULL DEFAULT '[]',
        exclude_keywords TEXT NOT NULL DEFAULT '[]',
        from_catalogue INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX topics_owner_slug ON topics (ifnull(community_id, ''), slug);

      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        enabled INTEGER NOT NULL DEFAULT 1,
        from_catalogue INTEGER NOT NULL DEFAULT 0,
        etag TEXT,
        last_modified TEXT,
        first_polled_at TEXT,
        last_polled_at TEXT,
        next_poll_at TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_error_kind TEXT,
        last_error TEXT,
        disabled_reason TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX feeds_due ON feeds (enabled, next_poll_at);

      CREATE TABLE topic_feeds (
        topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (topic_id, feed_id)
      );
      CREATE INDEX topic_feeds_feed ON topic_feeds (feed_id);

      CREATE TABLE story_clusters (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL
      );

      -- Stories outlive the feed that brought them: their keys are the memory that stops repeats.
      CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        feed_id INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
        url TEXT,
        headline TEXT NOT NULL,
        normalized_headline TEXT NOT NULL,
        standfirst TEXT,
        byline TEXT,
        source TEXT NOT NULL,
        published_at TEXT,
        arrived_at TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        enriched INTEGER NOT NULL DEFAULT 0,
        eligible_for_digest INTEGER NOT NULL DEFAULT 1,
        cluster_id INTEGER REFERENCES story_clusters (id)
      );
      CREATE INDEX stories_arrived ON stories (arrived_at);
      CREATE INDEX stories_cluster ON stories (cluster_id);
      CREATE INDEX stories_headline ON stories (normalized_headline);
      CREATE INDEX stories_feed ON stories (feed_id, id);

      -- The significant words of each headline: finds near-identical headlines (clusters) without scanning.
      CREATE TABLE headline_tokens (
        token TEXT NOT NULL,
        story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        PRIMARY KEY (token, story_id)
      ) WITHOUT ROWID;
      CREATE INDEX headline_tokens_story ON headline_tokens (story_id);

      CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        paragraph INTEGER NOT NULL,
        key_rank INTEGER,
        -- Lower case, punctuation dropped: how two outlets' copies of one quotation are matched for clustering.
        normalized_text TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX quotes_story ON quotes (story_id, position);
      CREATE INDEX quotes_text ON quotes (normalized_text);

      CREATE TABLE story_topics (
        topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        PRIMARY KEY (topic_id, story_id)
      ) WITHOUT ROWID;
      CREATE INDEX story_topics_story ON story_topics (story_id);

      CREATE TABLE chats (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        kind TEXT NOT NULL,
        community_id TEXT,
        title TEXT,
        timezone TEXT,
        paused_at TEXT,
        paused_reason TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX chats_community ON chats (community_id);

      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        chat_id TEXT NOT NULL REFERENCES chats (id) ON UPDATE CASCADE ON DELETE CASCADE,
        topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        schedule TEXT NOT NULL,
        timezone TEXT NOT NULL,
        cap INTEGER NOT NULL DEFAULT 8 CHECK (cap BETWEEN 1 AND 25),
        watermark INTEGER NOT NULL DEFAULT 0,
        next_run_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (chat_id, topic_id)
      );
      CREATE INDEX subscriptions_due ON subscriptions (next_run_at);

      -- A story reaches a chat at most once, whatever topics or restarts bring it back.
      CREATE TABLE deliveries (
        chat_id TEXT NOT NULL REFERENCES chats (id) ON UPDATE CASCADE ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        subscription_id INTEGER,
        delivered_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, story_id)
      ) WITHOUT ROWID;

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        chat_id TEXT NOT NULL REFERENCES chats (id) ON UPDATE CASCADE ON DELETE CASCADE,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'held', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
      );
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
      CREATE INDEX outbox_chat ON outbox (chat_id, status, id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        community_id TEXT,
        chat_id TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX audit_log_community ON audit_log (community_id, at);
    `);
  },
};
