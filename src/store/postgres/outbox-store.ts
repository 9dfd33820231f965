import type { ChatDeliveryStatus, OutboxStatus, OutboxStore } from '../../core/digest/outbox-port.js';
import { leasesFromRows, noCounts, outboxMessageFromRow, type OutboxRow } from '../outbox-store.js';
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
    async leaseChats(owner, platform, limit, at, until) {
      // Never a read of the whole pending outbox (a digest tick leaves one message or more per
      // chat): the owner's chats through chats_outbox_owner, then the oldest due heads of the
      // platform's free chats walking outbox_pending (the platform is the chat id's prefix) from
      // the start, as many as are still wanted. Chats another
      // process is leasing right now are skipped, not waited for (SKIP LOCKED); the row lock lasts
      // only this statement, the lease itself is the claimed_until time.
      const { rows } = await db.query<OutboxRow>(
        `WITH own AS (
           SELECT chats.id, head.id AS head FROM chats
           CROSS JOIN LATERAL (SELECT id, next_attempt_at FROM outbox
             WHERE outbox.chat_id = chats.id AND outbox.status = 'pending' ORDER BY id LIMIT 1) AS head
           WHERE chats.outbox_claimed_by = $2 AND chats.platform = $5 AND head.next_attempt_at <= $1
           ORDER BY head.id LIMIT $4
           FOR UPDATE OF chats SKIP LOCKED
         ), free AS (
           SELECT chats.id, outbox.id AS head FROM outbox JOIN chats ON chats.id = outbox.chat_id
           WHERE outbox.status = 'pending' AND split_part(outbox.chat_id, ':', 1) = $5
             AND outbox.next_attempt_at <= $1 AND (chats.outbox_claimed_until IS NULL OR chats.outbox_claimed_until <= $1)
             AND chats.outbox_claimed_by IS DISTINCT FROM $2
             AND NOT EXISTS (SELECT 1 FROM outbox AS earlier WHERE earlier.chat_id = outbox.chat_id
               AND earlier.status = 'pending' AND earlier.id < outbox.id)
           ORDER BY outbox.id LIMIT $4
           FOR UPDATE OF chats SKIP LOCKED
         ), due AS (
           SELECT id FROM own
           UNION ALL
           (SELECT id FROM free ORDER BY head LIMIT greatest(0, $4 - (SELECT count(*) FROM own)))
         ), leased AS (
           UPDATE chats SET outbox_claimed_by = $2, outbox_claimed_until = $3 FROM due
           WHERE chats.id = due.id RETURNING chats.id, chats.platform, chats.kind
         )
         SELECT outbox.id, outbox.chat_id, leased.platform, leased.kind, outbox.idempotency_key, outbox.payload,
           outbox.attempts, outbox.next_attempt_at
         FROM outbox JOIN leased ON leased.id = outbox.chat_id
         WHERE outbox.status = 'pending' ORDER BY outbox.id`,
        [at.toISOString(), owner, until.toISOString(), limit, platform],
      );
      return leasesFromRows(rows);
    },
    async releaseChats(owner, chatIds) {
      if (chatIds.length === 0) return;
      await db.query(
        `UPDATE chats SET outbox_claimed_by = NULL, outbox_claimed_until = NULL
         WHERE id = ANY($1) AND outbox_claimed_by = $2`,
        [chatIds, owner],
      );
    },
    async claim(id, at, owner) {
      const result = await db.query(
        `UPDATE outbox SET attempts = attempts + 1 WHERE id = $1 AND status = 'pending'
         AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM chats WHERE chats.id = outbox.chat_id
           AND chats.outbox_claimed_by = $2 AND chats.outbox_claimed_until > $3))`,
        [id, owner ?? null, at.toISOString()],
      );
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
