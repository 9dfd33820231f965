import type {
  ChatDeliveryStatus,
  ChatLease,
  OutboxMessage,
  OutboxStatus,
  OutboxStore,
} from '../core/digest/outbox-port.js';
import type { ChatId } from '../core/domain.js';
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

/** Pending messages grouped per chat, in the order of each chat's oldest one: both stores' leases. */
export function leasesFromRows(rows: readonly OutboxRow[]): ChatLease[] {
  const leases = new Map<ChatId, ChatLease>();
  for (const row of rows) {
    const message = outboxMessageFromRow(row);
    const lease = leases.get(message.chatId);
    if (lease) lease.messages.push(message);
    else leases.set(message.chatId, { chatId: message.chatId, messages: [message] });
  }
  return [...leases.values()];
}

const PENDING_COLUMNS = `outbox.id, outbox.chat_id, chats.platform, chats.kind, outbox.idempotency_key, outbox.payload,
  outbox.attempts, outbox.next_attempt_at`;

export function createOutboxStore(db: Db): OutboxStore {
  const statements = {
    pending: db.prepare<[number], OutboxRow>(
      `SELECT ${PENDING_COLUMNS}
       FROM outbox JOIN chats ON chats.id = outbox.chat_id
       WHERE outbox.status = 'pending' ORDER BY outbox.id LIMIT ?`,
    ),
    claim: db.prepare<{ id: number; owner: string | null; at: string }>(
      `UPDATE outbox SET attempts = attempts + 1 WHERE id = @id AND status = 'pending'
       AND (@owner IS NULL OR EXISTS (SELECT 1 FROM chats WHERE chats.id = outbox.chat_id
         AND chats.outbox_claimed_by = @owner AND chats.outbox_claimed_until > @at))`,
    ),
    // SQLite has one writer at a time: the UPDATE picks and takes the chats in one step. Never a
    // read of the whole pending outbox: the owner's chats of the platform through
    // chats_outbox_owner, then the oldest due heads of its free chats walking outbox_pending (the
    // platform is the chat id's prefix, the index's expression word for word) from the start: the
    // PostgreSQL query's steps, without its row locks. INDEXED BY, because without ANALYZE's
    // statistics SQLite prefers outbox_due and sorts every due message (0.4-0.7 s at 240k).
    lease: db.prepare<{ owner: string; platform: Platform; at: string; until: string; limit: number }>(
      `UPDATE chats SET outbox_claimed_by = @owner, outbox_claimed_until = @until
       WHERE id IN (
         SELECT candidates.id FROM (
           SELECT chats.id, 1 AS own,
             (SELECT min(outbox.id) FROM outbox WHERE outbox.chat_id = chats.id AND outbox.status = 'pending') AS head
           FROM chats WHERE chats.outbox_claimed_by = @owner AND chats.platform = @platform
           UNION ALL
           SELECT * FROM (
             SELECT chats.id, 0 AS own, outbox.id AS head
             FROM outbox INDEXED BY outbox_pending JOIN chats ON chats.id = outbox.chat_id
             WHERE outbox.status = 'pending' AND substr(outbox.chat_id, 1, instr(outbox.chat_id, ':') - 1) = @platform
               AND outbox.next_attempt_at <= @at
               AND (chats.outbox_claimed_until IS NULL OR chats.outbox_claimed_until <= @at)
               AND chats.outbox_claimed_by IS NOT @owner
               AND NOT EXISTS (SELECT 1 FROM outbox AS earlier WHERE earlier.chat_id = outbox.chat_id
                 AND earlier.status = 'pending' AND earlier.id < outbox.id)
             ORDER BY outbox.id LIMIT @limit)
         ) AS candidates JOIN outbox ON outbox.id = candidates.head
         WHERE outbox.next_attempt_at <= @at
         ORDER BY candidates.own DESC, candidates.head LIMIT @limit)`,
    ),
    leased: db.prepare<{ owner: string; platform: Platform; until: string }, OutboxRow>(
      // From the owner's chats (CROSS JOIN keeps that order in SQLite), not from every pending message.
      `SELECT ${PENDING_COLUMNS} FROM chats CROSS JOIN outbox ON outbox.chat_id = chats.id
       WHERE chats.outbox_claimed_by = @owner AND chats.platform = @platform AND chats.outbox_claimed_until = @until
         AND outbox.status = 'pending'
       ORDER BY outbox.id`,
    ),
    release: db.prepare<[string, string]>(
      `UPDATE chats SET outbox_claimed_by = NULL, outbox_claimed_until = NULL WHERE id = ? AND outbox_claimed_by = ?`,
    ),
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
  const leaseChats = db.transaction(
    (args: { owner: string; platform: Platform; limit: number; at: string; until: string }) => {
      statements.lease.run(args);
      return leasesFromRows(statements.leased.all(args));
    },
  );
  const releaseChats = db.transaction((owner: string, chatIds: readonly ChatId[]) => {
    for (const chatId of chatIds) statements.release.run(chatId, owner);
  });
  return {
    async pending(limit) {
      return statements.pending.all(limit).map(outboxMessageFromRow);
    },
    async leaseChats(owner, platform, limit, at, until) {
      return leaseChats({ owner, platform, limit, at: at.toISOString(), until: until.toISOString() });
    },
    async releaseChats(owner, chatIds) {
      releaseChats(owner, chatIds);
    },
    async claim(id, at, owner) {
      return statements.claim.run({ id, owner: owner ?? null, at: at.toISOString() }).changes === 1;
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
