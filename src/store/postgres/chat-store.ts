import type { ChatStore } from '../../core/ports.js';
import { toChat, type ChatRow } from '../chat-store.js';
import { nowIso } from '../rows.js';
import type { PgPool } from './connect.js';
import { pgDb } from './pg-db.js';

/** Chats over PostgreSQL. */
export function createPgChatStore(pool: PgPool): ChatStore {
  const db = pgDb(pool);
  const get = async (id: string) => {
    const { rows } = await db.query<ChatRow>(`SELECT * FROM chats WHERE id = $1`, [id]);
    return rows[0] ? toChat(rows[0]) : null;
  };
  return {
    async ensure(ref) {
      const { rows } = await db.query<ChatRow>(
        `INSERT INTO chats (id, platform, kind, community_id, title, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, community_id = excluded.community_id,
           title = coalesce(excluded.title, chats.title)
         RETURNING *`,
        [ref.id, ref.platform, ref.kind, ref.communityId, ref.title ?? null, nowIso()],
      );
      return toChat(rows[0]!);
    },
    get,
    async setTimezone(id, timezone) {
      await db.query(`UPDATE chats SET timezone = $1 WHERE id = $2`, [timezone, id]);
    },
    async pause(id, reason, at) {
      await db.query(`UPDATE chats SET paused_at = $1, paused_reason = $2 WHERE id = $3`, [
        at.toISOString(),
        reason,
        id,
      ]);
    },
    async resume(id) {
      await db.query(`UPDATE chats SET paused_at = NULL, paused_reason = NULL WHERE id = $1`, [id]);
    },
    async rename(oldId, newId) {
      await db.transaction(async () => {
        const { rows } = await db.query(`SELECT id FROM chats WHERE id = $1 FOR UPDATE`, [newId]);
        if (rows.length === 0) {
          // ON UPDATE CASCADE carries subscriptions, deliveries and the outbox along.
          await db.query(`UPDATE chats SET id = $1 WHERE id = $2`, [newId, oldId]);
          return;
        }
        // SQLite's UPDATE OR IGNORE: a row the new chat already has stays behind and goes with the old chat.
        await db.query(
          `UPDATE subscriptions SET chat_id = $1 WHERE chat_id = $2 AND NOT EXISTS (
             SELECT 1 FROM subscriptions AS taken WHERE taken.chat_id = $1 AND taken.topic_id = subscriptions.topic_id)`,
          [newId, oldId],
        );
        await db.query(
          `UPDATE deliveries SET chat_id = $1 WHERE chat_id = $2 AND NOT EXISTS (
             SELECT 1 FROM deliveries AS taken WHERE taken.chat_id = $1 AND taken.story_id = deliveries.story_id)`,
          [newId, oldId],
        );
        await db.query(`UPDATE outbox SET chat_id = $1 WHERE chat_id = $2`, [newId, oldId]);
        await db.query(`DELETE FROM chats WHERE id = $1`, [oldId]);
      });
    },
  };
}
