import type { PgMigration } from '../migrate.js';

/** SQLite's migration 003 (src/store/migrations/003-story-lead-images.ts): stories.image_url. */
export const storyLeadImages: PgMigration = {
  name: 'stories.image_url (lead images; SQLite 003)',
  async up(client) {
    await client.query(`ALTER TABLE stories ADD COLUMN image_url TEXT`);
  },
};
