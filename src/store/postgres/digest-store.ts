import {
  DigestStorageError,
  type CandidateStory,
  type DigestCommit,
  type DigestLedger,
  type DigestSource,
} from '../../core/digest/ports.js';
import type { Quote } from '../../core/domain.js';
import type { PgPool } from './connect.js';
import { pgDb } from './pg-db.js';

/**
 * Digests over PostgreSQL: the same reads as SQLite's, and a digest's outbox messages, deliveries
 * and watermarks written in one transaction (a savepoint inside a batch).
 *
 * Several processes may plan the same subscription at once: the commit locks the rows of the
 * subscriptions it advances (SELECT … FOR UPDATE, in id order so two commits never deadlock) before
 * comparing their next run, so of two commits expecting the same next run exactly one writes.
 */

/**
 * SQLSTATE classes and codes that mean the database cannot be written at all, whatever the
 * digest: insufficient resources (53: disk full, out of memory), system errors (58: I/O),
 * connection failures (08), shutdown (57P), a read-only transaction (25006), corruption (XX001/2).
 */
const STORAGE_FAILURES = /^(53|58|08|57P|25006|XX00[12])/;
const CONNECTION_FAILURES = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/;

const asStorageFailure = (error: unknown): unknown => {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const failed =
    (typeof code === 'string' && (STORAGE_FAILURES.test(code) || CONNECTION_FAILURES.test(code))) ||
    /Connection terminated/.test(message);
  return failed && !(error instanceof DigestStorageError) ? new DigestStorageError(message, { cause: error }) : error;
};

/** Thrown inside a commit to roll it back when it must write nothing. */
class CommitConflict extends Error {}

export function createPgDigestStore(pool: PgPool): DigestSource & DigestLedger {
  const db = pgDb(pool);

  const write = async (plan: DigestCommit): Promise<void> => {
    const checks = plan.advances
      .filter((advance) => advance.expectedNextRunAt !== undefined)
      .sort((a, b) => a.subscriptionId - b.subscriptionId);
    for (const advance of checks) {
      const { rows } = await db.query<{ same: boolean }>(
        `SELECT next_run_at IS NOT DISTINCT FROM $2::timestamptz AS same FROM subscriptions WHERE id = $1 FOR UPDATE`,
        [advance.subscriptionId, advance.expectedNextRunAt],
      );
      if (!rows[0]?.same) throw new CommitConflict();
    }
    for (const message of plan.messages) {
      // A key already queued means this digest was planned before: write nothing twice.
      const inserted = await db.query(
        `INSERT INTO outbox (chat_id, idempotency_key, payload, status, next_attempt_at, created_at)
         VALUES ($1, $2, $3,
           CASE WHEN (SELECT paused_at FROM chats WHERE id = $1) IS NULL THEN 'pending' ELSE 'held' END, $4, $4)
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [plan.chatId, message.key, message.payload, plan.at],
      );
      if (inserted.rowCount === 0) throw new CommitConflict();
    }
    if (plan.deliveries.length > 0) {
      await db.query(
        `INSERT INTO deliveries (chat_id, story_id, subscription_id, delivered_at)
         SELECT $1::text, story_id, subscription_id, $4::timestamptz FROM unnest($2::bigint[], $3::bigint[]) AS d (story_id, subscription_id)
         ON CONFLICT DO NOTHING`,
        [
          plan.chatId,
          plan.deliveries.map((delivery) => delivery.storyId),
          plan.deliveries.map((delivery) => delivery.subscriptionId),
          plan.at,
        ],
      );
    }
    for (const advance of plan.advances) {
      if (advance.nextRunAt === undefined) {
        await db.query(`UPDATE subscriptions SET watermark = greatest(watermark, $1) WHERE id = $2`, [
          advance.watermark,
          advance.subscriptionId,
        ]);
      } else {
        await db.query(`UPDATE subscriptions SET watermark = greatest(watermark, $1), next_run_at = $2 WHERE id = $3`, [
          advance.watermark,
          advance.nextRunAt,
          advance.subscriptionId,
        ]);
      }
    }
  };

  return {
    async newStories(topicId, afterStoryId) {
      const { rows } = await db.query<CandidateStory & { eligible: boolean }>(
        `SELECT stories.id, stories.cluster_id AS "clusterId", stories.source, stories.headline, stories.url,
           stories.published_at AS "publishedAt", stories.arrived_at AS "arrivedAt", stories.eligible_for_digest AS eligible,
           stories.image_url AS "imageUrl"
         FROM story_topics JOIN stories ON stories.id = story_topics.story_id
         WHERE story_topics.topic_id = $1 AND story_topics.story_id > $2
         ORDER BY story_topics.story_id`,
        [topicId, afterStoryId],
      );
      let maxId = afterStoryId;
      const stories: CandidateStory[] = [];
      for (const { eligible, ...story } of rows) {
        if (story.id > maxId) maxId = story.id;
        if (eligible) stories.push(story);
      }
      return { stories, maxId };
    },
    async earlierClusterMembers(clusterIds, atOrBelowId) {
      const { rows } = await db.query<{ id: number; cluster_id: number }>(
        `SELECT id, cluster_id FROM stories WHERE cluster_id = ANY ($1::bigint[]) AND id <= $2 ORDER BY cluster_id, id`,
        [[...clusterIds], atOrBelowId],
      );
      const members = new Map<number, number[]>();
      for (const row of rows) {
        const list = members.get(row.cluster_id);
        if (list) list.push(row.id);
        else members.set(row.cluster_id, [row.id]);
      }
      return members;
    },
    async deliveredSince(chatId, afterStoryId) {
      const { rows } = await db.query<{ story_id: number; cluster_id: number | null }>(
        `SELECT deliveries.story_id, stories.cluster_id FROM deliveries JOIN stories ON stories.id = deliveries.story_id
         WHERE deliveries.chat_id = $1 AND deliveries.story_id > $2`,
        [chatId, afterStoryId],
      );
      return new Map(rows.map((row) => [row.story_id, row.cluster_id]));
    },
    async deliveredAmong(chatId, storyIds) {
      if (storyIds.length === 0) return new Set();
      const { rows } = await db.query<{ story_id: number }>(
        `SELECT story_id FROM deliveries WHERE chat_id = $1 AND story_id = ANY ($2::bigint[])`,
        [chatId, [...storyIds]],
      );
      return new Set(rows.map((row) => row.story_id));
    },
    async keyQuotes(storyIds) {
      const quotes = new Map<number, Quote[]>();
      if (storyIds.length === 0) return quotes;
      const { rows } = await db.query<{ story_id: number; text: string; speaker: string | null; paragraph: number }>(
        `SELECT story_id, text, speaker, paragraph FROM quotes
         WHERE story_id = ANY ($1::bigint[]) AND key_rank IS NOT NULL ORDER BY story_id, key_rank`,
        [[...storyIds]],
      );
      for (const row of rows) {
        const quote: Quote = { text: row.text, speaker: row.speaker, paragraph: row.paragraph };
        const list = quotes.get(row.story_id);
        if (list) list.push(quote);
        else quotes.set(row.story_id, [quote]);
      }
      return quotes;
    },
    async latestStoryId() {
      const { rows } = await db.query<{ id: number | null }>(`SELECT max(id) AS id FROM stories`);
      return rows[0]?.id ?? 0;
    },
    async commit(plan) {
      try {
        await db.transaction(() => write(plan));
        return true;
      } catch (error) {
        if (error instanceof CommitConflict) return false;
        throw asStorageFailure(error);
      }
    },
    async batch(work) {
      try {
        return await db.transaction(work);
      } catch (error) {
        throw asStorageFailure(error);
      }
    },
  };
}
