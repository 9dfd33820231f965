import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueFeeds } from '../../../src/store/postgres/claims.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { createTestSchema, type TestSchema } from '../helpers/servers.js';

describe('claiming due feeds from several processes', () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema();
    await migratePostgres(schema.pool);
  });
  afterAll(() => schema.drop());

  it('gives each of 200 due feeds to exactly one of three processes', async () => {
    await schema.pool.query(
      `INSERT INTO feeds (url, created_at, next_poll_at)
       SELECT 'https://news.example/' || n || '.xml', now(), CASE WHEN n % 2 = 0 THEN NULL ELSE now() END
       FROM generate_series(1, 200) AS n`,
    );
    const processes = [schema.pool, schema.openPool(), schema.openPool()];
    const claimed = await Promise.all(
      processes.map(async (pool) => {
        const mine: number[] = [];
        for (;;) {
          const batch = await claimDueFeeds(pool, { limit: 7, leaseMs: 60_000 });
          if (batch.length === 0) return mine;
          mine.push(...batch.map((feed) => feed.id));
        }
      }),
    );
    const all = claimed.flat();
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    expect(claimed.filter((mine) => mine.length > 0).length).toBeGreaterThanOrEqual(2);
  });

  it("returns a killed process's feeds when their lease ends, not before", async () => {
    await schema.pool.query(`DELETE FROM feeds`);
    await schema.pool.query(`INSERT INTO feeds (url, created_at) VALUES ('https://a.example/feed', now())`);
    const now = new Date();
    const taken = await claimDueFeeds(schema.pool, { limit: 10, leaseMs: 5 * 60_000, now });
    expect(taken).toHaveLength(1);
    // The process died mid-poll: nobody may take the feed during the lease…
    expect(
      await claimDueFeeds(schema.pool, { limit: 10, leaseMs: 60_000, now: new Date(now.getTime() + 60_000) }),
    ).toEqual([]);
    // …and the next process does once it is over.
    const later = new Date(now.getTime() + 5 * 60_000 + 1);
    expect(await claimDueFeeds(schema.pool, { limit: 10, leaseMs: 60_000, now: later })).toEqual(taken);
  });
});
