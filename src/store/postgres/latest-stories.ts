import { eventTime } from '../story-clusters.js';
import type { PgDb } from './pg-db.js';

/** How many of the topics' most recent stories are looked through (as src/store/latest-stories.ts). */
const POOL_FACTOR = 20;
const MIN_POOL = 200;

interface PoolRow {
  id: number;
  cluster_id: number | null;
  published_at: string | null;
  arrived_at: string;
}

/**
 * /latest over PostgreSQL, the same answer as SQLite's: the topics' newest distinct story ids (a
 * pool), then the newest by event time, one per cluster. PostgreSQL plans the pool from the
 * story_topics indexes itself, so one statement replaces SQLite's hand-chosen walk or merge.
 */
export async function latestStoryIds(db: PgDb, topicIds: readonly number[], limit: number): Promise<number[]> {
  if (topicIds.length === 0 || limit <= 0) return [];
  const size = Math.max(limit * POOL_FACTOR, MIN_POOL);
  const { rows } = await db.query<PoolRow>(
    `SELECT id, cluster_id, published_at, arrived_at FROM stories WHERE id IN (
       SELECT DISTINCT story_id FROM story_topics WHERE topic_id = ANY ($1::bigint[]) ORDER BY story_id DESC LIMIT $2)`,
    [[...new Set(topicIds)], size],
  );
  const time = new Map(rows.map((row) => [row.id, eventTime(row.published_at, row.arrived_at)]));
  rows.sort((a, b) => time.get(b.id)! - time.get(a.id)! || b.id - a.id);
  const seenClusters = new Set<number>();
  const picked: number[] = [];
  for (const row of rows) {
    if (picked.length >= limit) break;
    if (row.cluster_id !== null) {
      if (seenClusters.has(row.cluster_id)) continue;
      seenClusters.add(row.cluster_id);
    }
    picked.push(row.id);
  }
  return picked;
}
