import type { Db } from './database.js';
import { eventTime } from './story-clusters.js';

/**
 * /latest over SQLite, index-driven whatever the topics: a pool of the newest story ids of the
 * topics (by id, which is arrival order), then the newest by event time, one per cluster. Every
 * statement is prepared once and none sorts or de-duplicates in a temporary B-tree (see
 * LATEST_SQL; a test explains each one).
 *
 * Two ways to fill the pool, chosen by how common the topics' stories are among the newest:
 * - broad (a chat following nothing sees every topic): walk story_topics by story id, newest first,
 *   keeping rows of the topics; stops as soon as the pool is full;
 * - narrow (one or a few topics): each topic's newest ids from its primary key range, merged.
 * The broad walk first looks at a window of the newest ids; when the topics are too rare there for
 * the walk to pay, the narrow merge takes over.
 */

/** The statements /latest runs, exported so a test can check that each one is index-driven. */
export const LATEST_SQL = {
  maxStoryId: `SELECT max(id) AS id FROM stories`,
  // story_topics_story is (story_id, topic_id) in a WITHOUT ROWID table: a covering walk by story id.
  newestOfTopics: `SELECT story_id FROM story_topics INDEXED BY story_topics_story
    WHERE story_id > ? AND topic_id IN (SELECT value FROM json_each(?))
    ORDER BY story_id DESC`,
  newestOfTopic: `SELECT story_id FROM story_topics WHERE topic_id = ? ORDER BY story_id DESC LIMIT ?`,
  pool: `SELECT id, cluster_id, published_at, arrived_at FROM stories WHERE id IN (SELECT value FROM json_each(?))`,
  // stories_cluster is (cluster_id) with the rowid: the cluster's members in id order, no sort.
  clusterSources: `SELECT source FROM stories WHERE cluster_id = ? AND id != ? ORDER BY id`,
} as const;

/** How many of the topics' most recent stories are looked through to pick one per cluster. */
const POOL_FACTOR = 20;
const MIN_POOL = 200;

/** The pool of the topics' most recent stories that /latest picks from, for `limit` stories. */
export const latestPoolSize = (limit: number): number => Math.max(limit * POOL_FACTOR, MIN_POOL);
/** Newest story ids the broad walk looks at before judging whether it pays. */
const BROAD_WINDOW = 4000;
/**
 * What a row of the narrow merge costs in rows of the broad walk: a walked index entry that is not
 * kept costs about a twentieth of a row fetched by one of the merge's per-topic queries and sorted
 * (measured at 1M stories: 20 rare topics take 0.5 ms walked, 6 ms merged).
 */
const MERGE_ROW_COST = 10;

export interface PoolRow {
  id: number;
  cluster_id: number | null;
  published_at: string | null;
  arrived_at: string;
}

/**
 * The pool's `limit` newest stories by event time (ties: newest id), one per cluster, as ids:
 * /latest's pick over either backend's pool. Sorts `rows` in place.
 */
export function newestPerCluster(rows: PoolRow[], limit: number): number[] {
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

export function createLatestStories(db: Db) {
  const statements = {
    maxStoryId: db.prepare<[], { id: number | null }>(LATEST_SQL.maxStoryId),
    newestOfTopics: db.prepare<[number, string], number>(LATEST_SQL.newestOfTopics).pluck(),
    newestOfTopic: db.prepare<[number, number], number>(LATEST_SQL.newestOfTopic).pluck(),
    pool: db.prepare<[string], PoolRow>(LATEST_SQL.pool),
    clusterSources: db.prepare<[number, number], string>(LATEST_SQL.clusterSources).pluck(),
  };

  /** Up to `size` distinct ids of the topics above `aboveId`, newest first, read lazily. */
  const walk = (topics: string, aboveId: number, size: number, into: Set<number>): void => {
    for (const id of statements.newestOfTopics.iterate(aboveId, topics)) {
      into.add(id);
      if (into.size >= size) break;
    }
  };

  const merge = (topicIds: readonly number[], size: number): number[] => {
    const ids = new Set<number>();
    for (const topicId of topicIds) for (const id of statements.newestOfTopic.all(topicId, size)) ids.add(id);
    return [...ids].sort((a, b) => b - a).slice(0, size);
  };

  /** The newest `size` distinct story ids of the topics, by id. */
  const poolIds = (topicIds: readonly number[], size: number): number[] => {
    if (topicIds.length === 1) return statements.newestOfTopic.all(topicIds[0]!, size);
    const newest = statements.maxStoryId.get()?.id ?? 0;
    const topics = JSON.stringify(topicIds);
    const found = new Set<number>();
    walk(topics, Math.max(0, newest - BROAD_WINDOW), size, found);
    if (found.size >= size) return [...found];
    // Rows the walk would still read, estimated from the window, against the merge's worst case.
    const stillToRead = found.size === 0 ? Infinity : ((size - found.size) * BROAD_WINDOW) / found.size;
    if (stillToRead > topicIds.length * size * MERGE_ROW_COST) return merge(topicIds, size);
    // Twice the estimate, so a walk never reads far more than judged; short of it, the merge decides.
    const floor = Math.max(0, newest - BROAD_WINDOW - Math.ceil(stillToRead * 2));
    walk(topics, floor, size, found);
    return found.size >= size || floor === 0 ? [...found] : merge(topicIds, size);
  };

  return {
    /** Ids of the newest stories of the topics, newest first by event time, one per cluster. */
    latestIds(topicIds: readonly number[], limit: number): number[] {
      if (topicIds.length === 0 || limit <= 0) return [];
      const ids = poolIds([...new Set(topicIds)], latestPoolSize(limit));
      if (ids.length === 0) return [];
      return newestPerCluster(statements.pool.all(JSON.stringify(ids)), limit);
    },
    /** The other outlets of a cluster in the order they carried it, each once, without `ownSource`. */
    clusterSources(clusterId: number, exceptStoryId: number, ownSource: string | undefined): string[] {
      const sources = new Set(statements.clusterSources.all(clusterId, exceptStoryId));
      if (ownSource !== undefined) sources.delete(ownSource);
      return [...sources];
    },
  };
}
