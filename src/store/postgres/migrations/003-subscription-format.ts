import type { PgMigration } from '../migrate.js';

/** SQLite's 004-subscription-format: each subscription's format, quotes, previews, silence, images, mention role. */
export const subscriptionFormat: PgMigration = {
  name: 'subscription format, quotes, previews, silent, images, mention role (SQLite 004)',
  async up(client) {
    await client.query(`
      ALTER TABLE subscriptions
        ADD COLUMN format TEXT NOT NULL DEFAULT 'full' CHECK (format IN ('full', 'compact')),
        ADD COLUMN quotes INTEGER NOT NULL DEFAULT 2 CHECK (quotes BETWEEN 0 AND 3),
        ADD COLUMN previews BOOLEAN NOT NULL DEFAULT FALSE,
        ADD COLUMN silent BOOLEAN NOT NULL DEFAULT FALSE,
        ADD COLUMN images BOOLEAN NOT NULL DEFAULT TRUE,
        ADD COLUMN mention_role_id TEXT;
    `);
  },
};
