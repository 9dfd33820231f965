import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStores, openDatabase, type Db } from '../../src/store/index.js';
import { LATEST_SQL } from '../../src/store/latest-stories.js';
import { eventTime } from '../../src/store/story-clusters.js';
import { tempDir } from '../helpers/test-app.js';

const TOPICS = 50;
const STORIES = 9000;

/**
 * Stories 1..9000 arriving a minute apart, published up to 3 hours before arrival (so event order
 * differs from id order), every third in a cluster of three outlets. Topic t holds story s when
 * s % 50 = t - 1; topic 50 also holds every 7th story; topics 1-3 hold nothing after story 2000
 * (rare among the newest: the narrow path), so every shape of /latest is exercised.
 */
function seeded(): Db {
  const db = openDatabase(join(tempDir(), 'latest.db'));
  const at = '2026-01-01T00:00:00.000Z';
  db.transaction(() => {
    for (let id = 1; id <= TOPICS; id++)
      db.prepare(`INSERT INTO topics (id, slug, name, created_at) VALUES (?, ?, ?, ?)`).run(id, `t${id}`, `T${id}`, at);
    const cluster = db.prepare(`INSERT INTO story_clusters (id, created_at) VALUES (?, ?)`);
    for (let id = 1; id <= STORIES / 9 + 1; id++) cluster.run(id, at);
    const story = db.prepare(
      `INSERT INTO stories (id, key, headline, normalized_headline, source, published_at, arrived_at, cluster_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const link = db.prepare(`INSERT INTO story_topics (topic_id, story_id) VALUES (?, ?)`);
    for (let id = 1; id <= STORIES; id++) {
      const arrived = Date.parse(at) + id * 60_000;
      const published = id % 11 === 0 ? null : new Date(arrived - ((id * 37) % 180) * 60_000).toISOString();
      const clusterId = id % 3 === 0 ? Math.floor(id / 9) + 1 : null;
      story.run(
        id,
        `k${id}`,
        `h${id}`,
        `h${id}`,
        `Outlet ${id % 4}`,
        published,
        new Date(arrived).toISOString(),
        clusterId,
      );
      const topic = (id % TOPICS) + 1;
      if (!(topic <= 3 && id > 2000)) link.run(topic, id);
      if (id % 7 === 0 && topic !== TOPICS) link.run(TOPICS, id);
    }
  })();
  return db;
}

/** What /latest means, computed the slow way: the topics' 200 newest ids, by event time, one per cluster. */
function expected(db: Db, topicIds: number[], limit: number): number[] {
  const rows = db
    .prepare(
      `SELECT id, cluster_id, published_at, arrived_at FROM stories WHERE id IN (
         SELECT DISTINCT story_id FROM story_topics WHERE topic_id IN (SELECT value FROM json_each(?))
         ORDER BY story_id DESC LIMIT ?)`,
    )
    .all(JSON.stringify(topicIds), Math.max(limit * 20, 200)) as {
    id: number;
    cluster_id: number | null;
    published_at: string | null;
    arrived_at: string;
  }[];
  rows.sort((a, b) => eventTime(b.published_at, b.arrived_at) - eventTime(a.published_at, a.arrived_at) || b.id - a.id);
  const clusters = new Set<number>();
  return rows
    .filter((row) => row.cluster_id === null || (!clusters.has(row.cluster_id) && !!clusters.add(row.cluster_id)))
    .slice(0, limit)
    .map((row) => row.id);
}

describe('/latest in the story store', () => {
  it('runs every one of its statements from indexes, with no temporary B-tree', () => {
    const db = seeded();
    for (const [name, sql] of Object.entries(LATEST_SQL)) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...sampleArgs(name)) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n');
      expect(plan, name).not.toMatch(/TEMP B-TREE/);
      expect(plan, name).not.toMatch(/SCAN stories(?! USING)/);
    }
    db.close();
  });

  it('gives the newest stories by event time, one per cluster, for every shape of topic list', async () => {
    const db = seeded();
    const { stories } = createStores(db);
    const all = Array.from({ length: TOPICS }, (_, index) => index + 1);
    const shapes: [string, number[], number][] = [
      ['every topic', all, 5],
      ['every topic, ten', all, 10],
      ['one topic', [7], 5],
      ['one rare topic', [2], 5],
      ['several topics', [4, 9, 30], 5],
      ['rare topics only (narrow path)', [1, 2, 3], 10],
      ['a topic sharing stories with another', [50, 8], 10],
      ['half the topics', all.filter((id) => id % 2 === 0), 5],
      ['topics with no stories', [TOPICS + 1, TOPICS + 2], 5],
    ];
    for (const [shape, topicIds, limit] of shapes) {
      const got = await stories.latest(topicIds, limit);
      expect(
        got.map((story) => story.id),
        shape,
      ).toEqual(expected(db, topicIds, limit));
      const clusters = got.flatMap((story) => (story.clusterId === null ? [] : [story.clusterId]));
      expect(new Set(clusters).size, shape).toBe(clusters.length);
    }
    db.close();
  });

  it('names each other outlet of a cluster once, in the order they carried the story, without its own', async () => {
    const db = seeded();
    const { stories } = createStores(db);
    // Cluster 2 holds stories 9, 12 and 15 (Outlet 1, 0 and 3); add a second copy from Outlet 0.
    db.prepare(
      `INSERT INTO stories (id, key, headline, normalized_headline, source, arrived_at, cluster_id)
       VALUES (9001, 'k9001', 'h', 'h', 'Outlet 0', '2026-02-01T00:00:00.000Z', 2)`,
    ).run();
    expect(await stories.clusterSources(2, 9)).toEqual(['Outlet 0', 'Outlet 3']);
    expect(await stories.clusterSources(2, 12)).toEqual(['Outlet 1', 'Outlet 3']);
    db.close();
  });
});

function sampleArgs(name: string): unknown[] {
  switch (name) {
    case 'newestOfTopics':
      return [0, '[1,2,3]'];
    case 'newestOfTopic':
    case 'clusterSources':
      return [1, 5];
    case 'pool':
      return ['[1,2,3]'];
    default:
      return [];
  }
}
