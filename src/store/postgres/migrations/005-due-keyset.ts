import type { PgMigration } from '../migrate.js';

/**
 * subscriptions_due over (next_run_at, id): the due subscriptions are read a page at a time after
 * the last (next run, id) seen, and this order lets each page be an index range, not a sort of
 * every remaining due row. SQLite's index on next_run_at already carries the rowid (the id).
 */
export const dueKeyset: PgMigration = {
  name: 'subscriptions_due on (next_run_at, id) for paged due reads',
  async up(client) {
    await client.query(`DROP INDEX subscriptions_due`);
    await client.query(`CREATE INDEX subscriptions_due ON subscriptions (next_run_at, id)`);
  },
};
