import { afterEach } from 'vitest';
import type { Topic } from '../../../src/core/domain.js';
import { createIngest, type IngestSettings } from '../../../src/ingest/index.js';
import { createStores, openDatabase } from '../../../src/store/index.js';
import { recordingLogger } from '../../helpers/test-app.js';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

export const TEST_SETTINGS: IngestSettings = {
  pollIntervalMinutes: 10,
  timeoutMs: 5000,
  maxBytes: 1_000_000,
  maxRedirects: 5,
  allowPrivate: true,
  concurrency: 8,
  perHostConcurrency: 2,
  articleConcurrency: 4,
  workers: 1,
};

/** Real ingestion over an in-memory SQLite database, with a clock the test moves. */
export function ingestHarness(overrides: Partial<IngestSettings> = {}) {
  const db = openDatabase(':memory:');
  const stores = createStores(db);
  let now = new Date('2026-11-20T10:00:00.000Z');
  const clock = { now: () => now };
  const logger = recordingLogger();
  const ingest = createIngest(
    { feeds: stores.feeds, topics: stores.topics, stories: stores.stories, clock, logger },
    { ...TEST_SETTINGS, ...overrides },
  );
  closers.push(() => {
    db.close();
  });
  closers.push(() => ingest.close());
  return {
    db,
    stores,
    ingest,
    logger,
    /** Moves the clock on (default: past any poll interval). */
    advance(ms = 13 * 60_000) {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
    topic(slug: string, keywords: { include?: string[]; exclude?: string[] } = {}): Promise<Topic> {
      return stores.topics.create({
        slug,
        name: slug,
        communityId: null,
        includeKeywords: keywords.include ?? [],
        excludeKeywords: keywords.exclude ?? [],
      });
    },
    /** A feed attached to a topic. */
    async feed(url: string, topic: Topic, options: { fromCatalogue?: boolean } = {}) {
      const feed = await stores.feeds.ensure(url, options);
      await stores.feeds.attach(topic.id, feed.id, 'test');
      return feed;
    },
    stories(): {
      key: string;
      headline: string;
      eligible: number;
      enriched: number;
      cluster_id: number | null;
      source: string;
      standfirst: string | null;
    }[] {
      return db
        .prepare(
          `SELECT key, headline, eligible_for_digest AS eligible, enriched, cluster_id, source, standfirst FROM stories ORDER BY id`,
        )
        .all() as never;
    },
  };
}
