import type { Feed, FeedErrorKind } from '../core/domain.js';
import type { FeedStore } from '../core/ports.js';
import type { Db } from './database.js';
import { asyncStore } from './sqlite-db.js';
import { bool, nowIso } from './rows.js';

export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  enabled: number;
  from_catalogue: number;
  etag: string | null;
  last_modified: string | null;
  first_polled_at: string | null;
  last_polled_at: string | null;
  next_poll_at: string | null;
  consecutive_failures: number;
  last_error_kind: string | null;
  last_error: string | null;
  disabled_reason: string | null;
}

export const toFeed = (row: FeedRow): Feed => ({
  id: row.id,
  url: row.url,
  title: row.title,
  enabled: bool(row.enabled),
  fromCatalogue: bool(row.from_catalogue),
  etag: row.etag,
  lastModified: row.last_modified,
  firstPolledAt: row.first_polled_at,
  lastPolledAt: row.last_polled_at,
  nextPollAt: row.next_poll_at,
  consecutiveFailures: row.consecutive_failures,
  lastErrorKind: row.last_error_kind as FeedErrorKind | null,
  lastError: row.last_error,
  disabledReason: row.disabled_reason,
});

/** Feed fields and their columns, for partial updates. */
export const COLUMNS: Record<keyof Omit<Feed, 'id' | 'url'>, string> = {
  title: 'title',
  enabled: 'enabled',
  fromCatalogue: 'from_catalogue',
  etag: 'etag',
  lastModified: 'last_modified',
  firstPolledAt: 'first_polled_at',
  lastPolledAt: 'last_polled_at',
  nextPollAt: 'next_poll_at',
  consecutiveFailures: 'consecutive_failures',
  lastErrorKind: 'last_error_kind',
  lastError: 'last_error',
  disabledReason: 'disabled_reason',
};

export function createFeedStore(db: Db): FeedStore {
  const statements = {
    get: db.prepare<[number], FeedRow>(`SELECT * FROM feeds WHERE id = ?`),
    byUrl: db.prepare<[string], FeedRow>(`SELECT * FROM feeds WHERE url = ?`),
    insert: db.prepare(
      `INSERT INTO feeds (url, title, from_catalogue, created_at) VALUES (@url, @title, @fromCatalogue, @createdAt)
       ON CONFLICT (url) DO NOTHING`,
    ),
    attach: db.prepare(
      `INSERT INTO topic_feeds (topic_id, feed_id, added_by, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    detach: db.prepare<[number, number]>(`DELETE FROM topic_feeds WHERE topic_id = ? AND feed_id = ?`),
    forTopic: db.prepare<[number], FeedRow>(
      `SELECT feeds.* FROM feeds JOIN topic_feeds ON topic_feeds.feed_id = feeds.id
       WHERE topic_feeds.topic_id = ? ORDER BY feeds.url`,
    ),
    all: db.prepare<[], FeedRow>(`SELECT * FROM feeds ORDER BY id`),
    orphans: db.prepare(`DELETE FROM feeds WHERE id NOT IN (SELECT feed_id FROM topic_feeds)`),
    claim: db.prepare<[string, number, string], FeedRow>(
      `UPDATE feeds SET next_poll_at = ? WHERE id = ? AND enabled = 1 AND (next_poll_at IS NULL OR next_poll_at <= ?)
       RETURNING *`,
    ),
  };
  const updates = new Map<string, ReturnType<typeof db.prepare>>();
  const get = (id: number): Feed | null => {
    const row = statements.get.get(id);
    return row ? toFeed(row) : null;
  };

  return asyncStore<FeedStore>(db, {
    get,
    findByUrl(url) {
      const row = statements.byUrl.get(url);
      return row ? toFeed(row) : null;
    },
    ensure(url, options = {}) {
      statements.insert.run({
        url,
        title: options.title ?? null,
        fromCatalogue: options.fromCatalogue ? 1 : 0,
        createdAt: nowIso(),
      });
      return toFeed(statements.byUrl.get(url)!);
    },
    attach(topicId, feedId, addedBy) {
      statements.attach.run(topicId, feedId, addedBy, nowIso());
    },
    detach(topicId, feedId) {
      statements.detach.run(topicId, feedId);
    },
    listForTopic(topicId) {
      return statements.forTopic.all(topicId).map(toFeed);
    },
    listAll() {
      return statements.all.all().map(toFeed);
    },
    claim(id, now, leaseUntil) {
      const row = statements.claim.get(leaseUntil.toISOString(), id, now.toISOString());
      return row ? toFeed(row) : null;
    },
    update(id, changes) {
      const entries = Object.entries(changes).filter(([key]) => key in COLUMNS);
      if (entries.length > 0) {
        const assignments = entries.map(([key]) => `${COLUMNS[key as keyof typeof COLUMNS]} = @${key}`).join(', ');
        const values = Object.fromEntries(
          entries.map(([key, value]) => [key, typeof value === 'boolean' ? (value ? 1 : 0) : value]),
        );
        const sql = `UPDATE feeds SET ${assignments} WHERE id = @id`;
        // Polls update every feed every few minutes with the same few column sets: prepare each once.
        let statement = updates.get(sql);
        if (!statement) updates.set(sql, (statement = db.prepare(sql)));
        statement.run({ ...values, id });
      }
      const feed = get(id);
      if (!feed) throw new Error(`feed ${id} does not exist`);
      return feed;
    },
    deleteOrphans() {
      return statements.orphans.run().changes;
    },
  });
}
