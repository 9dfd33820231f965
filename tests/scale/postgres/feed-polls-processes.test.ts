import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngest, type Ingest } from '../../../src/ingest/index.js';
import { silentLogger } from '../../../src/logger.js';
import { createPgStores } from '../../../src/store/postgres/index.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { TEST_SETTINGS } from '../../ingest/helpers/harness.js';
import { createTestSchema, type TestSchema } from '../helpers/servers.js';

/**
 * Issue 12: 200 feeds, three bot processes polling one PostgreSQL, three poll intervals: every
 * feed is fetched once per interval. Each "process" is a real ingest with its own connection pool
 * (the claims race through the database, not in memory), ticking at the same moments.
 */

const FEEDS = 200;
const rss = (n: number, interval: number) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title>
<item><title>Story ${interval} of feed ${n}</title><link>https://paper.example/${n}/${interval}</link>
<guid>feed-${n}-story-${interval}</guid></item></channel></rss>`;

let server: Server;
let base: string;
let schema: TestSchema;
/** Fetches per feed path in the current interval. */
let hits = new Map<string, number>();
let interval = 0;
let now = new Date('2026-12-03T09:00:00.000Z');
const processes: Ingest[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const n = Number(/\/feed-(\d+)\.xml/.exec(path)?.[1]);
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(n, interval));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  schema = await createTestSchema();
  await migratePostgres(schema.pool);
  const stores = createPgStores(schema.pool);
  const topic = await stores.topics.create({ slug: 'world', name: 'World', communityId: null });
  for (let n = 0; n < FEEDS; n++) {
    const feed = await stores.feeds.ensure(`${base}/feed-${n}.xml`);
    await stores.feeds.attach(topic.id, feed.id, 'test');
  }
  for (let p = 0; p < 3; p++) {
    const own = createPgStores(schema.openPool());
    processes.push(
      createIngest(
        { feeds: own.feeds, topics: own.topics, stories: own.stories, clock: { now: () => now }, logger: silentLogger },
        { ...TEST_SETTINGS, workers: 0, fetchArticles: false },
      ),
    );
  }
});

afterAll(async () => {
  await Promise.all(processes.map((ingest) => ingest.close()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await schema.drop();
});

describe('feeds polled by three processes on one PostgreSQL', () => {
  it('fetches each of 200 feeds exactly once per interval, over three intervals', async () => {
    for (interval = 0; interval < 3; interval++) {
      hits = new Map();
      const results = (await Promise.all(processes.map((ingest) => ingest.pollDueFeeds()))).flat();
      expect(results).toHaveLength(FEEDS);
      expect(results.every((result) => result.outcome === 'updated')).toBe(true);
      expect(new Set(results.map((result) => result.feedId)).size).toBe(FEEDS);
      expect(hits.size).toBe(FEEDS);
      expect([...hits.values()].every((count) => count === 1)).toBe(true);
      // Past the poll interval (10 min, ±20 %): every feed is due again.
      now = new Date(now.getTime() + 13 * 60_000);
    }
    const { rows } = await schema.pool.query<{ count: number }>(`SELECT count(*) AS count FROM stories`);
    expect(rows[0]!.count).toBe(FEEDS * 3);
  });
});
