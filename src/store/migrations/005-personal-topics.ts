import type { Migration } from '../database.js';

/**
 * Personal topics (issue 13): a person in a private chat follows a feed address directly, and the
 * bot keeps it as a topic owned by that chat (`owner_chat_id`), seen by no other chat. A slug is
 * unique per owner: a community, a private chat, or the operator's global catalogue.
 */
export const personalTopics: Migration = {
  name: 'topics.owner_chat_id: personal topics of a private chat',
  up(db) {
    db.exec(`
      ALTER TABLE topics ADD COLUMN owner_chat_id TEXT;
      DROP INDEX topics_owner_slug;
      CREATE UNIQUE INDEX topics_owner_slug ON topics (ifnull(community_id, ''), ifnull(owner_chat_id, ''), slug);
      CREATE INDEX topics_personal ON topics (owner_chat_id) WHERE owner_chat_id IS NOT NULL;
    `);
  },
};
