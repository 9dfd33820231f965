import type { DeliveryControl } from '../../core/digest/outbox-port.js';
import type { PgPool } from './connect.js';
import { pgDb } from './pg-db.js';

/** Pauses and resumes a chat's deliveries over PostgreSQL: the chat row and its outbox in one transaction. */
export function createPgDeliveryControl(pool: PgPool): DeliveryControl {
  const db = pgDb(pool);
  return {
    pause: (chatId, reason, at) =>
      db.transaction(async () => {
        await db.query(`UPDATE chats SET paused_at = $1, paused_reason = $2 WHERE id = $3`, [
          at.toISOString(),
          reason,
          chatId,
        ]);
        const held = await db.query(`UPDATE outbox SET status = 'held' WHERE chat_id = $1 AND status = 'pending'`, [
          chatId,
        ]);
        return { held: held.rowCount ?? 0 };
      }),
    resume: (chatId, at) =>
      db.transaction(async () => {
        await db.query(`UPDATE chats SET paused_at = NULL, paused_reason = NULL WHERE id = $1`, [chatId]);
        const released = await db.query(
          `UPDATE outbox SET status = 'pending', next_attempt_at = $1 WHERE chat_id = $2 AND status = 'held'`,
          [at.toISOString(), chatId],
        );
        return { released: released.rowCount ?? 0 };
      }),
  };
}
