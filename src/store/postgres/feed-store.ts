import type { FeedStore } from '../../core/ports.js';
import { COLUMNS, toFeed, type FeedRow } from '../feed-store.js';
import { nowIso } from '../rows.js';
import type { PgPool } from './connect.js';
import { pgDb } from './pg-db.js';

/** Feeds over PostgreSQL; URLs ordered COLLATE "C", as SQLite's BINARY collation orders them. */
export function createPgFeedStore(pool: PgPool): FeedStore {
  const db = pgDb(pool);
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await db.query<FeedRow>(sql, params);
    return rows[0] ? toFeed(rows[0]) : null;
  };
  const get = (id: number) => one(`SELECT * FROM feeds WHERE id = $1`, [id]);
  return {
    get,
    findByUrl: (url) => one(`SELECT * FROM feeds WHERE url = $1`, [url]),
    async ensure(url, options = {}) {
      await db.query(
        `INSERT INTO feeds (url, title, from_catalogue, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (url) DO NOTHING`,
        [url, options.title ?? null, options.fromCatalogue ?? false, nowIso()],
      );
      // Read after the insert: the row of a concurrent insert of the same URL is committed by now.
      return (await one(`SELECT * FROM feeds WHERE url = $1`, [url]))!;
    },
    async attach(topicId, feedId, addedBy) {
      await db.query(
        `INSERT INTO topic_feeds (topic_id, feed_id, added_by, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [topicId, feedId, addedBy, nowIso()],
      );
    },
    async detach(topicId, feedId) {
      await db.query(`DELETE FROM topic_feeds WHERE topic_id = $1 AND feed_id = $2`, [topicId, feedId]);
    },
    async listForTopic(topicId) {
      const { rows } = await db.query<FeedRow>(
        `SELECT feeds.* FROM feeds JOIN topic_feeds ON topic_feeds.feed_id = feeds.id
         WHERE topic_feeds.topic_id = $1 ORDER BY feeds.url COLLATE "C"`,
        [topicId],
      );
      return rows.map(toFeed);
    },
    async listAll() {
      const { rows } = await db.query<FeedRow>(`SELECT * FROM feeds ORDER BY id`);
      return rows.map(toFeed);
    },
    // One statement: of two processes claiming the same due feed, the second waits for the first's
    // row lock, then finds it no longer due and gets nothing.
    claim: (id, now, leaseUntil) =>
      one(
        `UPDATE feeds SET next_poll_at = $2 WHERE id = $1 AND enabled AND (next_poll_at IS NULL OR next_poll_at <= $3)
         RETURNING *`,
        [id, leaseUntil.toISOString(), now.toISOString()],
      ),
    async update(id, changes) {
      const entries = Object.entries(changes).filter(([key]) => key in COLUMNS);
      if (entries.length > 0) {
        const assignments = entries.map(([key], index) => `${COLUMNS[key as keyof typeof COLUMNS]} = $${index + 2}`);
        await db.query(`UPDATE feeds SET ${assignments.join(', ')} WHERE id = $1`, [
          id,
          ...entries.map(([, value]) => value),
        ]);
      }
      const feed = await get(id);
      if (!feed) throw new Error(`feed ${id} does not exist`);
      return feed;
    },
    async deleteOrphans() {
      const result = await db.query(`DELETE FROM feeds WHERE id NOT IN (SELECT feed_id FROM topic_feeds)`);
      return result.rowCount ?? 0;
    },
  };
}
