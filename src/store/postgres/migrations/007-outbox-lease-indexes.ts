import type { PgMigration } from '../migrate.js';

/** SQLite's 007-outbox-lease-indexes: leasing chats without reading the whole pending outbox (see there). */
export const outboxLeaseIndexes: PgMigration = {
  name: 'outbox_pending (platform, id) and chats_outbox_owner: leases without a scan of the pending outbox (SQLite 007)',
  async up(client) {
    await client.query(`
      CREATE INDEX outbox_pending ON outbox (split_part(chat_id, ':', 1), id) WHERE status = 'pending';
      CREATE INDEX chats_outbox_owner ON chats (outbox_claimed_by) WHERE outbox_claimed_by IS NOT NULL;
    `);
  },
};
