import type { ForumPostStore } from '../stores.js';
import type { PgPool } from './connect.js';
import { pgDb } from './pg-db.js';

/** Links kept this long, as in SQLite: titles carry the digest's date, so older ones are never asked for again. */
const KEEP_DAYS = 2;

/** The Discord forum posts digests opened, over PostgreSQL. */
export function createPgForumPostStore(pool: PgPool): ForumPostStore {
  const db = pgDb(pool);
  return {
    async get(channelId, title) {
      const { rows } = await db.query<{ thread_id: string }>(
        `SELECT thread_id FROM forum_posts WHERE channel_id = $1 AND title = $2`,
        [channelId, title],
      );
      return rows[0]?.thread_id ?? null;
    },
    async save(channelId, title, threadId, at) {
      await db.query(
        `INSERT INTO forum_posts (channel_id, title, thread_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (channel_id, title) DO UPDATE SET thread_id = excluded.thread_id, created_at = excluded.created_at`,
        [channelId, title, threadId, at.toISOString()],
      );
      await db.query(`DELETE FROM forum_posts WHERE created_at < $1`, [
        new Date(at.getTime() - KEEP_DAYS * 86_400_000).toISOString(),
      ]);
    },
  };
}
