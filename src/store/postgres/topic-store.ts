import type { NewTopic, TopicStore } from '../../core/ports.js';
import { nowIso } from '../rows.js';
import { toTopic, type TopicRow } from '../topic-store.js';
import type { PgPool } from './connect.js';
import { pgDb } from './pg-db.js';

/**
 * Topics over PostgreSQL. Text is ordered COLLATE "C", byte order, as SQLite's BINARY collation
 * orders it whatever the database's locale.
 */
export function createPgTopicStore(pool: PgPool): TopicStore {
  const db = pgDb(pool);
  const get = async (id: number) => {
    const { rows } = await db.query<TopicRow>(`SELECT * FROM topics WHERE id = $1`, [id]);
    return rows[0] ? toTopic(rows[0]) : null;
  };
  return {
    async listVisible(communityId) {
      const { rows } = await db.query<TopicRow>(
        `SELECT * FROM topics WHERE owner_chat_id IS NULL AND (community_id IS NULL OR community_id = $1)
         ORDER BY slug COLLATE "C", community_id IS NULL`,
        [communityId],
      );
      // A community topic hides a global one of the same slug.
      const seen = new Set<string>();
      return rows.map(toTopic).filter((topic) => !seen.has(topic.slug) && seen.add(topic.slug) !== undefined);
    },
    async findVisible(slug, communityId) {
      const { rows } = await db.query<TopicRow>(
        `SELECT * FROM topics WHERE slug = $1 AND owner_chat_id IS NULL AND (community_id IS NULL OR community_id = $2)
         ORDER BY community_id IS NULL LIMIT 1`,
        [slug, communityId],
      );
      return rows[0] ? toTopic(rows[0]) : null;
    },
    async listPersonal(chatId) {
      const { rows } = await db.query<TopicRow>(
        `SELECT * FROM topics WHERE owner_chat_id = $1 ORDER BY slug COLLATE "C"`,
        [chatId],
      );
      return rows.map(toTopic);
    },
    get,
    async create(topic: NewTopic) {
      const { rows } = await db.query<TopicRow>(
        `INSERT INTO topics (slug, name, description, community_id, owner_chat_id, include_keywords, exclude_keywords,
           created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          topic.slug,
          topic.name,
          topic.description ?? '',
          topic.communityId,
          topic.ownerChatId ?? null,
          JSON.stringify(topic.includeKeywords ?? []),
          JSON.stringify(topic.excludeKeywords ?? []),
          nowIso(),
        ],
      );
      return toTopic(rows[0]!);
    },
    update(id, changes) {
      return db.transaction(async () => {
        const { rows } = await db.query<TopicRow>(`SELECT * FROM topics WHERE id = $1 FOR UPDATE`, [id]);
        if (!rows[0]) throw new Error(`topic ${id} does not exist`);
        const next = { ...toTopic(rows[0]), ...changes };
        await db.query(
          `UPDATE topics SET name = $1, description = $2, include_keywords = $3, exclude_keywords = $4 WHERE id = $5`,
          [next.name, next.description, JSON.stringify(next.includeKeywords), JSON.stringify(next.excludeKeywords), id],
        );
        return next;
      });
    },
    async delete(id) {
      await db.query(`DELETE FROM topics WHERE id = $1`, [id]);
    },
    async feedCount(topicId) {
      const { rows } = await db.query<{ count: number }>(
        `SELECT count(*) AS count FROM topic_feeds WHERE topic_id = $1`,
        [topicId],
      );
      return rows[0]?.count ?? 0;
    },
    async topicsOfFeed(feedId) {
      const { rows } = await db.query<TopicRow>(
        `SELECT topics.* FROM topics JOIN topic_feeds ON topic_feeds.topic_id = topics.id
         WHERE topic_feeds.feed_id = $1 ORDER BY topics.id`,
        [feedId],
      );
      return rows.map(toTopic);
    },
  };
}
