import type { Migration } from '../database.js';

/**
 * How each subscription's digests look and arrive (issue 13): format (`full` or `compact`), key
 * quotes per story (0-3), link previews, silent delivery, lead images, and the one Discord role a
 * digest may ping. The defaults are the look every subscription had before, so nothing changes
 * for an existing subscription until someone runs /settings.
 */
export const subscriptionFormat: Migration = {
  name: 'subscription format, quotes, previews, silent, images, mention role',
  up(db) {
    db.exec(`
      ALTER TABLE subscriptions ADD COLUMN format TEXT NOT NULL DEFAULT 'full' CHECK (format IN ('full', 'compact'));
      ALTER TABLE subscriptions ADD COLUMN quotes INTEGER NOT NULL DEFAULT 2 CHECK (quotes BETWEEN 0 AND 3);
      ALTER TABLE subscriptions ADD COLUMN previews INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE subscriptions ADD COLUMN silent INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE subscriptions ADD COLUMN images INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE subscriptions ADD COLUMN mention_role_id TEXT;
    `);
  },
};
