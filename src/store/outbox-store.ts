import type { OutboxMessage, OutboxStatus, OutboxStore } from '../core/digest/outbox-port.js';
import type { ChatKind, Platform } from '../core/domain.js';
import type { Db } from './database.js';

interface OutboxRow {
  id: number;
  chat_id: string;
  platform: string;
  kind: string;
  idempotency_key: string;
  payload: string;
  attempts: number;
  next_attempt_at: string;
}

/** The outbox table: planned platform messages, sent by the delivery worker in id order per chat. */
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
    counts: db.prepare<[], { status: OutboxStatus; count: number }>(
      `SELECT status, count(*) AS count FROM outbox GROUP BY status`,
    ),
  };
  return {
    pending(limit) {
      return statements.pending.all(limit).map((row): OutboxMessage => ({
        id: row.id,
        chatId: row.chat_id,
        platform: row.platform as Platform,
        chatKind: row.kind as ChatKind,
        idempotencyKey: row.idempotency_key,
        payload: row.payload,
        attempts: row.attempts,
        nextAttemptAt: row.next_attempt_at,
      }));
    },
    claim(id) {
      return statements.claim.run(id).changes === 1;
    },
    markSent(id, at) {
      statements.sent.run(at.toISOString(), id);
    },
    retryLater(id, at, error) {
      statements.retry.run(at.toISOString(), error.slice(0, 1000), id);
    },
    counts() {
      const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, held: 0, failed: 0 };
      for (const row of statements.counts.all()) counts[row.status] = row.count;
      return counts;
    },
  };
}
