import type { PgMigration } from '../migrate.js';

/** SQLite's 006-outbox-chat-leases: a delivery process leases a chat's outbox until a time (see there). */
export const outboxChatLeases: PgMigration = {
  name: 'chats.outbox_claimed_by / outbox_claimed_until: outbox leases per chat (SQLite 006)',
  async up(client) {
    await client.query(`
      ALTER TABLE chats ADD COLUMN outbox_claimed_by TEXT;
      ALTER TABLE chats ADD COLUMN outbox_claimed_until TIMESTAMPTZ;
    `);
  },
};
