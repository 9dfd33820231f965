import type { ChatDeliveryStatus, OutboxMessage, OutboxStatus, OutboxStore } from '../core/digest/outbox-port.js';
import type { ChatKind, Platform } from '../core/domain.js';
import type { Db } from './database.js';

export interface OutboxRow {
  id: number;
  chat_id: string;
  platform: string;
  kind: string;
  idempotency_key: string;
  payload: string;
  attempts: number;
  next_attempt_at: string;
}

export const noCounts = (): Record<OutboxStatus, number> => ({ pending: 0, sent: 0, held: 0, failed: 0 });

/** The outbox table: planned platform messages, sent by the delivery worker in id order per chat. */
/** A pending outbox row (joined with its chat) as the worker's message: shared by both stores. */
export function outboxMessageFromRow(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    chatId: row.chat_id,
    platform: row.platform as Platform,
    chatKind: row.kind as ChatKind,
    idempotencyKey: row.idempotency_key,
    payload: row.payload,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
  };
}

export function createOutboxStore(db: Db): OutboxStore {
  const statements = {
    pending: db.prepare<[number], OutboxRow>(
      `SELECT outbox.id, outbox.chat_id, chats.platform, chats.kind, outbox.idempotency_key, outbox.payload,
         outbox.attempts, outbox.next_attempt_at
       FROM outbox JOIN chats ON chats.id = outbox.chat_id
       WHERE outbox.status = 'pending' ORDER BY outbox.id LIMIT ?`,
    ),
    claim: db.prepare<[number]>(`UPDATE outbox SET attempts = attempts + 1 WHERE id = ? AND status = 'pending'`),
    sent: db.prepare<[string, number]>(
      `UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?`,
    ),
    retry: db.prepare<[string, string, number]>(
      `UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'pending'`,
    ),
    failed: db.prepare<[string, string, number]>(
      `UPDATE outbox SET status = 'failed', failed_at = ?, last_error = ? WHERE id = ? AND status = 'pending'`,
    ),
    counts: db.prepare<[], { status: OutboxStatus; count: number }>(
      `SELECT status, count(*) AS count FROM outbox GROUP BY status`,
    ),
    chatCounts: db.prepare<[string], { status: OutboxStatus; count: number }>(
      `SELECT status, count(*) AS count FROM outbox WHERE chat_id = ? GROUP BY status`,
    ),
    chatFailures: db.prepare<[string, number], { failed_at: string; attempts: number; last_error: string | null }>(
      `SELECT failed_at, attempts, last_error FROM outbox WHERE chat_id = ? AND status = 'failed'
       ORDER BY failed_at DESC, id DESC LIMIT ?`,
    ),
  };
  return {
    async pending(limit) {
      return statements.pending.all(limit).map(outboxMessageFromRow);
    },
    async claim(id) {
      return statements.claim.run(id).changes === 1;
    },
    async markSent(id, at) {
      statements.sent.run(at.toISOString(), id);
    },
    async retryLater(id, at, error) {
      statements.retry.run(at.toISOString(), error.slice(0, 1000), id);
    },
    async markFailed(id, at, reason) {
      statements.failed.run(at.toISOString(), reason.slice(0, 1000), id);
    },
    async counts() {
      const counts = noCounts();
      for (const row of statements.counts.all()) counts[row.status] = row.count;
      return counts;
    },
    async chatStatus(chatId, recentFailures): Promise<ChatDeliveryStatus> {
      const counts = noCounts();
      for (const row of statements.chatCounts.all(chatId)) counts[row.status] = row.count;
      const failures = statements.chatFailures.all(chatId, recentFailures).map((row) => ({
        failedAt: row.failed_at,
        attempts: row.attempts,
        reason: row.last_error ?? 'no reason recorded',
      }));
      return { counts, failures };
    },
  };
}
