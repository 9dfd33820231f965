import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/ingest/feed-health.js';
import { serve, startServer, type Handler } from './helpers/feed-server.js';
import { rssFeed } from './helpers/feeds.js';
import { ingestHarness } from './helpers/harness.js';

const MINUTE = 60_000;

describe('feed failures', () => {
  it('backs off 5 min × 2^n up to 24 h', () => {
    expect([1, 2, 3, 4, 9, 10, 20].map((n) => backoffMs(n) / MINUTE)).toEqual([5, 10, 20, 40, 1280, 1440, 1440]);
  });

  it('counts failures with the last error, backs off, and disables the feed after 10 in a row with the reason kept', async () => {
    const server = await startServer({
      '/down': (_request, response) => void response.writeHead(503, 'Service Unavailable').end(),
    });
    const h = ingestHarness();
    const feed = await h.feed(server.url('/down'), await h.topic('flaky'));
    const retries: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      const [result] = await h.ingest.pollDueFeeds();
      expect(result, `attempt ${attempt}`).toMatchObject({
        outcome: 'failed',
        errorKind: 'http-status',
        error: 'HTTP 503 Service Unavailable',
      });
      const stored = (await h.stores.feeds.get(feed.id))!;
      expect(stored.consecutiveFailures).toBe(attempt);
      if (attempt < 10) {
        retries.push((Date.parse(stored.nextPollAt!) - h.now().getTime()) / MINUTE);
        expect(await h.ingest.pollDueFeeds(), 'not due before its retry time').toEqual([]);
        h.advance(Date.parse(stored.nextPollAt!) - h.now().getTime());
      }
    }
    expect(retries).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 1280]);
    const disabled = (await h.stores.feeds.get(feed.id))!;
    expect(disabled).toMatchObject({
      enabled: false,
      nextPollAt: null,
      lastErrorKind: 'http-status',
      disabledReason: 'disabled after 10 failed polls in a row; last: HTTP 503 Service Unavailable',
    });
    h.advance(48 * 60 * MINUTE);
    expect(await h.ingest.pollDueFeeds({ all: true })).toEqual([]);
    expect(server.hits('/down')).toBe(10);
  });

  it('forgets the failures after one success', async () => {
    let healthy = false;
    const handler: Handler = (request, response) =>
      healthy
        ? serve(rssFeed('Back', [{ title: 'Hello again', guid: 'back-hello-again-story' }]))(request, response)
        : void response.writeHead(500).end();
    const server = await startServer({ '/feed': handler });
    const h = ingestHarness();
    const feed = await h.feed(server.url('/feed'), await h.topic('flaky'));
    await h.ingest.pollDueFeeds();
    h.advance(6 * MINUTE);
    await h.ingest.pollDueFeeds();
    expect((await h.stores.feeds.get(feed.id))!.consecutiveFailures).toBe(2);
    healthy = true;
    h.advance(11 * MINUTE);
    const [result] = await h.ingest.pollDueFeeds();
    expect(result).toMatchObject({ outcome: 'updated', newStories: 1 });
    expect(await h.stores.feeds.get(feed.id)).toMatchObject({
      consecutiveFailures: 0,
      lastErrorKind: null,
      lastError: null,
      enabled: true,
    });
  });

  it('refuses a feed on a private address with the guard on, and records why', async () => {
    const server = await startServer({ '/feed': serve(rssFeed('Local', [])) });
    const h = ingestHarness({ allowPrivate: false });
    const feed = await h.feed(server.url('/feed'), await h.topic('local'));
    const [result] = await h.ingest.pollDueFeeds();
    expect(result).toMatchObject({
      outcome: 'failed',
      errorKind: 'refused-address',
      error: 'refused address: 127.0.0.1 (loopback)',
    });
    expect((await h.stores.feeds.get(feed.id))!.lastErrorKind).toBe('refused-address');
    expect(server.requests).toEqual([]);
  });
});
