import type { Migration } from '../database.js';

/**
 * Outbox leases per chat (issue 12): a delivery process leases a chat's outbox — all of its pending
 * messages, sent in id order — until `outbox_claimed_until`; another process takes the chat only
 * once that has passed, so a process killed mid-send loses its chats for no longer than a lease.
 * SQLite runs one process, but keeps the same contract as PostgreSQL.
 */
export const outboxChatLeases: Migration = {
  name: 'chats.outbox_claimed_by / outbox_claimed_until: outbox leases per chat',
  up(db) {
    db.exec(`
      ALTER TABLE chats ADD COLUMN outbox_claimed_by TEXT;
      ALTER TABLE chats ADD COLUMN outbox_claimed_until TEXT;
    `);
  },
};
