import { latestPoolSize, newestPerCluster, type PoolRow } from '../latest-stories.js';
import type { PgDb } from './pg-db.js';

/**
 * /latest over PostgreSQL, the same answer as SQLite's: the topics' newest distinct story ids (a
 * pool), then the newest by event time, one per cluster. PostgreSQL plans the pool from the
 * story_topics indexes itself, so one statement replaces SQLite's hand-chosen walk or merge.
 */
export async function latestStoryIds(db: PgDb, topicIds: readonly number[], limit: number): Promise<number[]> {
  if (topicIds.length === 0 || limit <= 0) return [];
  const { rows } = await db.query<PoolRow>(
    `SELECT id, cluster_id, published_at, arrived_at FROM stories WHERE id IN (
       SELECT DISTINCT story_id FROM story_topics WHERE topic_id = ANY ($1::bigint[]) ORDER BY story_id DESC LIMIT $2)`,
    [[...new Set(topicIds)], latestPoolSize(limit)],
  );
  return newestPerCluster(rows, limit);
}
