import { DigestStorageError, type DigestLedger, type DigestSource, type CandidateStory } from '../core/digest/ports.js';
import type { Quote } from '../core/domain.js';
import type { Db } from './database.js';
import { asyncStore, sqliteDb } from './sqlite-db.js';

/**
 * Digests over SQLite: reads the stories behind a subscription with its own SQL (the stories,
 * story_topics, quotes and deliveries tables), and writes a digest's outbox messages, deliveries
 * and watermarks in one transaction.
 */

/** id, cluster_id, source, headline, url, published_at, arrived_at, eligible_for_digest, image_url. */
type StoryTuple = [number, number | null, string, string, string | null, string | null, string, number, string | null];

/** SQLite result codes that mean the database cannot be written at all, whatever the digest. */
const STORAGE_FAILURES = /^SQLITE_(FULL|IOERR|READONLY|CORRUPT|NOMEM|CANTOPEN|NOTADB)/;

const asStorageFailure = (error: unknown): unknown =>
  typeof (error as { code?: unknown })?.code === 'string' && STORAGE_FAILURES.test((error as { code: string }).code)
    ? new DigestStorageError((error as Error).message, { cause: error })
    : error;

/** Thrown inside a commit to roll it back when it must write nothing. */
class CommitConflict extends Error {}

const ids = (values: readonly number[]): string => JSON.stringify(values);

export function createDigestStore(db: Db): DigestSource & DigestLedger {
  const statements = {
    // (topic_id, story_id) is story_topics' primary key: a range read of the topic's new stories.
    newStories: db
      .prepare<[number, number]>(
        `SELECT stories.id, stories.cluster_id, stories.source, stories.headline, stories.url, stories.published_at,
         stories.arrived_at, stories.eligible_for_digest, stories.image_url
       FROM story_topics JOIN stories ON stories.id = story_topics.story_id
       WHERE story_topics.topic_id = ? AND story_topics.story_id > ?
       ORDER BY story_topics.story_id`,
      )
      .raw(true),
    earlier: db.prepare<[string, number], { id: number; cluster_id: number }>(
      `SELECT id, cluster_id FROM stories WHERE cluster_id IN (SELECT value FROM json_each(?)) AND id <= ?`,
    ),
    deliveredSince: db.prepare<[string, number], { story_id: number; cluster_id: number | null }>(
      `SELECT deliveries.story_id, stories.cluster_id FROM deliveries JOIN stories ON stories.id = deliveries.story_id
       WHERE deliveries.chat_id = ? AND deliveries.story_id > ?`,
    ),
    deliveredAmong: db.prepare<[string, string], { story_id: number }>(
      `SELECT story_id FROM deliveries WHERE chat_id = ? AND story_id IN (SELECT value FROM json_each(?))`,
    ),
    keyQuotes: db.prepare<[string], { story_id: number; text: string; speaker: string | null; paragraph: number }>(
      `SELECT story_id, text, speaker, paragraph FROM quotes
       WHERE story_id IN (SELECT value FROM json_each(?)) AND key_rank IS NOT NULL
       ORDER BY story_id, key_rank`,
    ),
    latest: db.prepare<[], { id: number | null }>(`SELECT max(id) AS id FROM stories`),
    nextRunOf: db.prepare<[number], { next_run_at: string | null }>(
      `SELECT next_run_at FROM subscriptions WHERE id = ?`,
    ),
    enqueue: db.prepare(
      `INSERT INTO outbox (chat_id, idempotency_key, payload, status, next_attempt_at, created_at)
       VALUES (@chatId, @key, @payload,
         CASE WHEN (SELECT paused_at FROM chats WHERE id = @chatId) IS NULL THEN 'pending' ELSE 'held' END, @at, @at)
       ON CONFLICT (idempotency_key) DO NOTHING`,
    ),
    deliver: db.prepare(
      `INSERT INTO deliveries (chat_id, story_id, subscription_id, delivered_at) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    advance: db.prepare<[number, number]>(`UPDATE subscriptions SET watermark = max(watermark, ?) WHERE id = ?`),
    advanceAndReschedule: db.prepare<[number, string | null, number]>(
      `UPDATE subscriptions SET watermark = max(watermark, ?), next_run_at = ? WHERE id = ?`,
    ),
  };

  const commit = db.transaction((plan: Parameters<DigestLedger['commit']>[0]) => {
    for (const advance of plan.advances) {
      if (advance.expectedNextRunAt === undefined) continue;
      const stored = statements.nextRunOf.get(advance.subscriptionId);
      if (!stored || stored.next_run_at !== advance.expectedNextRunAt) throw new CommitConflict();
    }
    for (const message of plan.messages) {
      // A key already queued means this digest was planned before: write nothing twice.
      const inserted = statements.enqueue.run({
        chatId: plan.chatId,
        key: message.key,
        payload: message.payload,
        at: plan.at,
      });
      if (inserted.changes === 0) throw new CommitConflict();
    }
    for (const delivery of plan.deliveries) {
      statements.deliver.run(plan.chatId, delivery.storyId, delivery.subscriptionId, plan.at);
    }
    for (const advance of plan.advances) {
      if (advance.nextRunAt === undefined) statements.advance.run(advance.watermark, advance.subscriptionId);
      else statements.advanceAndReschedule.run(advance.watermark, advance.nextRunAt, advance.subscriptionId);
    }
  });

  const { transaction } = sqliteDb(db);
  const methods = asyncStore<DigestSource & Omit<DigestLedger, 'batch'>>(db, {
    newStories(topicId, afterStoryId) {
      // Arrays rather than objects: this is the query a digest run makes most.
      const rows = statements.newStories.all(topicId, afterStoryId) as unknown as StoryTuple[];
      const stories: CandidateStory[] = [];
      let maxId = afterStoryId;
      for (const [id, clusterId, source, headline, url, publishedAt, arrivedAt, eligible, imageUrl] of rows) {
        if (id > maxId) maxId = id;
        if (eligible !== 1) continue;
        stories.push({ id, clusterId, source, headline, url, publishedAt, arrivedAt, imageUrl });
      }
      return { stories, maxId };
    },
    earlierClusterMembers(clusterIds, atOrBelowId) {
      const members = new Map<number, number[]>();
      for (const row of statements.earlier.all(ids(clusterIds), atOrBelowId)) {
        const list = members.get(row.cluster_id);
        if (list) list.push(row.id);
        else members.set(row.cluster_id, [row.id]);
      }
      return members;
    },
    deliveredSince(chatId, afterStoryId) {
      return new Map(statements.deliveredSince.all(chatId, afterStoryId).map((row) => [row.story_id, row.cluster_id]));
    },
    deliveredAmong(chatId, storyIds) {
      if (storyIds.length === 0) return new Set();
      return new Set(statements.deliveredAmong.all(chatId, ids(storyIds)).map((row) => row.story_id));
    },
    keyQuotes(storyIds) {
      const quotes = new Map<number, Quote[]>();
      if (storyIds.length === 0) return quotes;
      for (const row of statements.keyQuotes.all(ids(storyIds))) {
        const quote: Quote = { text: row.text, speaker: row.speaker, paragraph: row.paragraph };
        const list = quotes.get(row.story_id);
        if (list) list.push(quote);
        else quotes.set(row.story_id, [quote]);
      }
      return quotes;
    },
    latestStoryId() {
      return statements.latest.get()?.id ?? 0;
    },
    commit(plan) {
      try {
        commit(plan);
        return true;
      } catch (error) {
        if (error instanceof CommitConflict) return false;
        throw asStorageFailure(error);
      }
    },
  });
  return {
    ...methods,
    async batch(work) {
      try {
        return await transaction(work);
      } catch (error) {
        throw asStorageFailure(error);
      }
    },
  };
}
