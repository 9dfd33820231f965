import type { PgMigration } from '../migrate.js';

/** SQLite's 005-personal-topics: topics.owner_chat_id, slugs unique per owner (see there). */
export const personalTopics: PgMigration = {
  name: 'topics.owner_chat_id: personal topics of a private chat (SQLite 005)',
  async up(client) {
    await client.query(`
      ALTER TABLE topics ADD COLUMN owner_chat_id TEXT;
      DROP INDEX topics_owner_slug;
      CREATE UNIQUE INDEX topics_owner_slug
        ON topics ((coalesce(community_id, '')), (coalesce(owner_chat_id, '')), slug);
      CREATE INDEX topics_personal ON topics (owner_chat_id) WHERE owner_chat_id IS NOT NULL;
    `);
  },
};
