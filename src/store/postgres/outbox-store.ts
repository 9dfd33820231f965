import type { ChatDeliveryStatus, OutboxStatus, OutboxStore } from '../../core/digest/outbox-port.js';
import { noCounts, outboxMessageFromRow, type OutboxRow } from '../outbox-store.js';
import type { PgPool } from './connect.js';
import { pgDb } from './pg-db.js';

/** The outbox over PostgreSQL: the same statements as SQLite's, one chat's messages in id order. */
export function createPgOutboxStore(pool: PgPool): OutboxStore {
  const db = pgDb(pool);
  const countsOf = (rows: { status: OutboxStatus; count: number }[]) => {
    const counts = noCounts();
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  };
  return {
    async pending(limit) {
      const { rows } = await db.query<OutboxRow>(
        `SELECT outbox.id, outbox.chat_id, chats.platform, chats.kind, outbox.idempotency_key, outbox.payload,
           outbox.attempts, outbox.next_attempt_at
         FROM outbox JOIN chats ON chats.id = outbox.chat_id
         WHERE outbox.status = 'pending' ORDER BY outbox.id LIMIT $1`,
        [limit],
      );
      return rows.map(outboxMessageFromRow);
    },
    async claim(id) {
      const result = await db.query(`UPDATE outbox SET attempts = attempts + 1 WHERE id = $1 AND status = 'pending'`, [
        id,
      ]);
      return result.rowCount === 1;
    },
    async markSent(id, at) {
      await db.query(`UPDATE outbox SET status = 'sent', sent_at = $1, last_error = NULL WHERE id = $2`, [
        at.toISOString(),
        id,
      ]);
    },
    async retryLater(id, at, error) {
      await db.query(`UPDATE outbox SET next_attempt_at = $1, last_error = $2 WHERE id = $3 AND status = 'pending'`, [
        at.toISOString(),
        error.slice(0, 1000),
        id,
      ]);
    },
    async markFailed(id, at, reason) {
      await db.query(
        `UPDATE outbox SET status = 'failed', failed_at = $1, last_error = $2 WHERE id = $3 AND status = 'pending'`,
        [at.toISOString(), reason.slice(0, 1000), id],
      );
    },
    async counts() {
      const { rows } = await db.query<{ status: OutboxStatus; count: number }>(
        `SELECT status, count(*) AS count FROM outbox GROUP BY status`,
      );
      return countsOf(rows);
    },
    async chatStatus(chatId, recentFailures): Promise<ChatDeliveryStatus> {
      const counts = await db.query<{ status: OutboxStatus; count: number }>(
        `SELECT status, count(*) AS count FROM outbox WHERE chat_id = $1 GROUP BY status`,
        [chatId],
      );
      const failures = await db.query<{ failed_at: string; attempts: number; last_error: string | null }>(
        `SELECT failed_at, attempts, last_error FROM outbox WHERE chat_id = $1 AND status = 'failed'
         ORDER BY failed_at DESC, id DESC LIMIT $2`,
        [chatId, recentFailures],
      );
      return {
        counts: countsOf(counts.rows),
        failures: failures.rows.map((row) => ({
          failedAt: row.failed_at,
          attempts: row.attempts,
          reason: row.last_error ?? 'no reason recorded',
        })),
      };
    },
  };
}
