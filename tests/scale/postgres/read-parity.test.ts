import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStores, openDatabase, type Db, type Stores } from '../../../src/store/index.js';
import { copyFromSqlite } from '../../../src/store/postgres/copy-from-sqlite.js';
import { createPgStores } from '../../../src/store/postgres/index.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { createTestSchema, type TestSchema } from '../helpers/servers.js';

const TOPICS = 50;
const STORIES = 9000;

/**
 * Stories 1..9000 a minute apart, published up to 3 hours before arrival, every third in a cluster
 * of three outlets, every fifth with two key quotes; topic t holds story s when s % 50 = t - 1,
 * topic 50 also every 7th, topics 1-3 nothing after story 2000 (SQLite's narrow /latest path).
 */
function seed(db: Db): void {
  const at = '2026-01-01T00:00:00.000Z';
  db.transaction(() => {
    for (let id = 1; id <= TOPICS; id++)
      db.prepare(`INSERT INTO topics (id, slug, name, created_at) VALUES (?, ?, ?, ?)`).run(id, `t${id}`, `T${id}`, at);
    const cluster = db.prepare(`INSERT INTO story_clusters (id, created_at) VALUES (?, ?)`);
    for (let id = 1; id <= STORIES / 9 + 1; id++) cluster.run(id, at);
    const story = db.prepare(
      `INSERT INTO stories (id, key, headline, normalized_headline, source, published_at, arrived_at, cluster_id,
         eligible_for_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const link = db.prepare(`INSERT INTO story_topics (topic_id, story_id) VALUES (?, ?)`);
    const quote = db.prepare(
      `INSERT INTO quotes (story_id, position, text, speaker, paragraph, key_rank) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (let id = 1; id <= STORIES; id++) {
      const arrived = Date.parse(at) + id * 60_000;
      const published = id % 11 === 0 ? null : new Date(arrived - ((id * 37) % 180) * 60_000).toISOString();
      const clusterId = id % 3 === 0 ? Math.floor(id / 9) + 1 : null;
      const source = `Outlet ${id % 4}`;
      story.run(
        id,
        `k${id}`,
        `h${id}`,
        `h${id}`,
        source,
        published,
        new Date(arrived).toISOString(),
        clusterId,
        id % 13 ? 1 : 0,
      );
      const topic = (id % TOPICS) + 1;
      if (!(topic <= 3 && id > 2000)) link.run(topic, id);
      if (id % 7 === 0 && topic !== TOPICS) link.run(TOPICS, id);
      if (id % 5 === 0) {
        quote.run(id, 0, `Said second ${id}`, null, 3, 2);
        quote.run(id, 1, `Said first ${id}`, `Speaker ${id}`, 1, 1);
      }
    }
  })();
}

describe('the PostgreSQL stores on a database copied from SQLite', () => {
  let dir: string;
  let db: Db;
  let schema: TestSchema;
  let pg: Stores;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nb-parity-'));
    db = openDatabase(join(dir, 'newsbrief.db'));
    seed(db);
    schema = await createTestSchema();
    await migratePostgres(schema.pool);
    await copyFromSqlite(join(dir, 'newsbrief.db'), schema.pool);
    pg = createPgStores(schema.pool);
  }, 120_000);
  afterAll(async () => {
    db.close();
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answer /latest exactly as SQLite does for every shape of topic list, stories and key quotes alike', async () => {
    const sqlite = createStores(db);
    const all = Array.from({ length: TOPICS }, (_, index) => index + 1);
    const shapes: [number[], number][] = [
      [all, 5],
      [all, 10],
      [[7], 5],
      [[2], 5],
      [[4, 9, 30], 5],
      [[1, 2, 3], 10],
      [[50, 8], 10],
      [all.filter((id) => id % 2 === 0), 25],
      [[TOPICS + 1, TOPICS + 2], 5],
    ];
    expect(await sqlite.stories.latest(all, 10)).toHaveLength(10);
    expect((await sqlite.stories.latest([1, 2, 3], 10)).every((story) => story.id <= 2000)).toBe(true);
    for (const [topicIds, limit] of shapes) {
      expect(await pg.stories.latest(topicIds, limit), JSON.stringify(topicIds)).toEqual(
        await sqlite.stories.latest(topicIds, limit),
      );
    }
    for (const [clusterId, storyId] of [
      [2, 9],
      [2, 12],
      [100, 900],
    ] as const) {
      expect(await pg.stories.clusterSources(clusterId, storyId)).toEqual(
        await sqlite.stories.clusterSources(clusterId, storyId),
      );
    }
  });

  it('read what a digest needs exactly as SQLite does', async () => {
    const { digests } = createStores(db);
    for (const [topicId, after] of [
      [7, 0],
      [50, 8000],
      [1, 1990],
    ] as const) {
      expect(await pg.digests.newStories(topicId, after)).toEqual(await digests.newStories(topicId, after));
    }
    expect((await digests.newStories(1, 1990)).stories.length).toBeGreaterThan(0);
    const clusters = [1, 2, 500, 999, 5000];
    expect(await pg.digests.earlierClusterMembers(clusters, 4500)).toEqual(
      await digests.earlierClusterMembers(clusters, 4500),
    );
    const ids = [5, 6, 10, 8995, 9000];
    expect(await pg.digests.keyQuotes(ids)).toEqual(await digests.keyQuotes(ids));
    expect(await pg.digests.latestStoryId()).toBe(await digests.latestStoryId());
    expect(await pg.topics.listVisible(null)).toEqual(await createStores(db).topics.listVisible(null));
  });
});
