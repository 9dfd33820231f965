import type { Topic } from '../core/domain.js';
import type { NewTopic, TopicStore } from '../core/ports.js';
import type { Db } from './database.js';
import { asyncStore } from './sqlite-db.js';
import { jsonArray, nowIso } from './rows.js';

export interface TopicRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  community_id: string | null;
  owner_chat_id: string | null;
  include_keywords: string;
  exclude_keywords: string;
}

export const toTopic = (row: TopicRow): Topic => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  description: row.description,
  communityId: row.community_id,
  ownerChatId: row.owner_chat_id,
  includeKeywords: jsonArray(row.include_keywords),
  excludeKeywords: jsonArray(row.exclude_keywords),
});

export function createTopicStore(db: Db): TopicStore {
  const statements = {
    visible: db.prepare<[string | null], TopicRow>(
      `SELECT * FROM topics WHERE owner_chat_id IS NULL AND (community_id IS NULL OR community_id = ?)
       ORDER BY slug, community_id IS NULL`,
    ),
    personal: db.prepare<[string], TopicRow>(`SELECT * FROM topics WHERE owner_chat_id = ? ORDER BY slug`),
    findVisible: db.prepare<[string, string | null], TopicRow>(
      `SELECT * FROM topics WHERE slug = ? AND owner_chat_id IS NULL AND (community_id IS NULL OR community_id = ?)
       ORDER BY community_id IS NULL LIMIT 1`,
    ),
    get: db.prepare<[number], TopicRow>(`SELECT * FROM topics WHERE id = ?`),
    insert: db.prepare(
      `INSERT INTO topics (slug, name, description, community_id, owner_chat_id, include_keywords, exclude_keywords,
       created_at) VALUES (@slug, @name, @description, @communityId, @ownerChatId, @include, @exclude, @createdAt)`,
    ),
    update: db.prepare(
      `UPDATE topics SET name = @name, description = @description, include_keywords = @include,
       exclude_keywords = @exclude WHERE id = @id`,
    ),
    delete: db.prepare<[number]>(`DELETE FROM topics WHERE id = ?`),
    feedCount: db.prepare<[number], { count: number }>(`SELECT count(*) AS count FROM topic_feeds WHERE topic_id = ?`),
    ofFeed: db.prepare<[number], TopicRow>(
      `SELECT topics.* FROM topics JOIN topic_feeds ON topic_feeds.topic_id = topics.id WHERE topic_feeds.feed_id = ?
       ORDER BY topics.id`,
    ),
  };

  const get = (id: number): Topic | null => {
    const row = statements.get.get(id);
    return row ? toTopic(row) : null;
  };

  return asyncStore<TopicStore>(db, {
    listVisible(communityId) {
      // A community topic hides a global one of the same slug.
      const seen = new Set<string>();
      return statements.visible
        .all(communityId)
        .map(toTopic)
        .filter((topic) => !seen.has(topic.slug) && seen.add(topic.slug) !== undefined);
    },
    findVisible(slug, communityId) {
      const row = statements.findVisible.get(slug, communityId);
      return row ? toTopic(row) : null;
    },
    listPersonal(chatId) {
      return statements.personal.all(chatId).map(toTopic);
    },
    get,
    create(topic: NewTopic) {
      const result = statements.insert.run({
        slug: topic.slug,
        name: topic.name,
        description: topic.description ?? '',
        communityId: topic.communityId,
        ownerChatId: topic.ownerChatId ?? null,
        include: JSON.stringify(topic.includeKeywords ?? []),
        exclude: JSON.stringify(topic.excludeKeywords ?? []),
        createdAt: nowIso(),
      });
      return get(Number(result.lastInsertRowid))!;
    },
    update(id, changes) {
      const current = get(id);
      if (!current) throw new Error(`topic ${id} does not exist`);
      const next = { ...current, ...changes };
      statements.update.run({
        id,
        name: next.name,
        description: next.description,
        include: JSON.stringify(next.includeKeywords),
        exclude: JSON.stringify(next.excludeKeywords),
      });
      return next;
    },
    delete(id) {
      statements.delete.run(id);
    },
    feedCount(topicId) {
      return statements.feedCount.get(topicId)?.count ?? 0;
    },
    topicsOfFeed(feedId) {
      return statements.ofFeed.all(feedId).map(toTopic);
    },
  });
}
