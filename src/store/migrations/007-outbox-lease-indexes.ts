import type { Migration } from '../database.js';

/**
 * Indexes for leasing chats (OutboxStore.leaseChats) without reading the whole pending outbox:
 * each platform's pending messages in id order (the platform is the chat id's prefix: the lease
 * query repeats this expression word for word), so the oldest due heads are found by walking from
 * the start, and the chats an owner holds, so renewing them is a lookup.
 */
export const outboxLeaseIndexes: Migration = {
  name: 'outbox_pending (platform, id) and chats_outbox_owner: leases without a scan of the pending outbox',
  up(db) {
    db.exec(`
      CREATE INDEX outbox_pending ON outbox (substr(chat_id, 1, instr(chat_id, ':') - 1), id) WHERE status = 'pending';
      CREATE INDEX chats_outbox_owner ON chats (outbox_claimed_by) WHERE outbox_claimed_by IS NOT NULL;
    `);
  },
};
