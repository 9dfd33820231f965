import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/test-app.js';
import { conditional, serve, startServer } from './helpers/feed-server.js';
import { fixture, rssFeed, type TestItem } from './helpers/feeds.js';
import { ingestHarness } from './helpers/harness.js';

const item = (n: number, extra: Partial<TestItem> = {}): TestItem => ({
  title: `Story number ${n} about the harbour`,
  guid: `harbour-story-guid-number-${n}`,
  link: `https://harbour.example/story-${n}`,
  content: `<p>Story ${n} has a full text of its own, long enough to read as an article body.</p>`,
  pubDate: `Wed, ${10 + n} Nov 2026 08:00:00 GMT`,
  ...extra,
});

describe('polling feeds', () => {
  it('stores a first poll without making it news for digests, then stores only what is new', async () => {
    const items = [item(2), item(1)];
    const server = await startServer({
      '/feed': (request, response) => serve(rssFeed('Harbour Gazette', items))(request, response),
    });
    const h = ingestHarness();
    const feed = await h.feed(server.url('/feed'), await h.topic('harbour'));

    const [first] = await h.ingest.pollDueFeeds();
    expect(first).toMatchObject({
      outcome: 'updated',
      newStories: 2,
      items: 2,
      firstPoll: true,
      title: 'Harbour Gazette',
    });
    expect(h.stories().map((story) => [story.headline, story.eligible])).toEqual([
      ['Story number 1 about the harbour', 0],
      ['Story number 2 about the harbour', 0],
    ]);
    expect(await h.stores.feeds.get(feed.id)).toMatchObject({
      title: 'Harbour Gazette',
      firstPolledAt: h.now().toISOString(),
    });

    items.unshift(item(3));
    h.advance();
    const [second] = await h.ingest.pollDueFeeds();
    expect(second).toMatchObject({ outcome: 'updated', newStories: 1, items: 3, firstPoll: false });
    expect(h.stories().map((story) => [story.headline, story.eligible])).toContainEqual([
      'Story number 3 about the harbour',
      1,
    ]);
  });

  it('never stores an item twice when it comes back in a later poll, even reordered', async () => {
    let items = [item(1), item(2), item(3)];
    const server = await startServer({
      '/feed': (request, response) => serve(rssFeed('Gazette', items))(request, response),
    });
    const h = ingestHarness();
    await h.feed(server.url('/feed'), await h.topic('harbour'));
    await h.ingest.pollDueFeeds();
    items = [item(3), item(1), item(2)];
    h.advance();
    const [again] = await h.ingest.pollDueFeeds();
    expect(again).toMatchObject({ outcome: 'updated', newStories: 0 });
    expect(h.stories()).toHaveLength(3);
  });

  it('polls a feed again only when it is due, unless asked for all feeds', async () => {
    const server = await startServer({ '/feed': serve(rssFeed('Gazette', [item(1)])) });
    const h = ingestHarness();
    const feed = await h.feed(server.url('/feed'), await h.topic('harbour'));
    await h.ingest.pollDueFeeds();
    const next = (await h.stores.feeds.get(feed.id))!.nextPollAt!;
    const minutes = (Date.parse(next) - h.now().getTime()) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(8);
    expect(minutes).toBeLessThanOrEqual(12);
    expect(await h.ingest.pollDueFeeds()).toEqual([]);
    expect(await h.ingest.pollDueFeeds({ all: true })).toHaveLength(1);
    expect(server.hits('/feed')).toBe(2);
  });

  it('costs a 304 when the feed is unchanged, by ETag and by Last-Modified', async () => {
    const body = () => rssFeed('Gazette', [item(1)]);
    const server = await startServer({
      '/etag': conditional(body, { etag: '"abc123"' }),
      '/dated': conditional(body, { lastModified: 'Tue, 17 Nov 2026 10:00:00 GMT' }),
    });
    const h = ingestHarness();
    const topic = await h.topic('harbour');
    await h.feed(server.url('/etag'), topic);
    await h.feed(server.url('/dated'), topic);
    expect((await h.ingest.pollDueFeeds()).map((result) => result.outcome)).toEqual(['updated', 'updated']);
    h.advance();
    const second = await h.ingest.pollDueFeeds();
    expect(second.map((result) => result.outcome)).toEqual(['not-modified', 'not-modified']);
    const conditionalHeaders = server.requests
      .slice(2)
      .map((request) => [request.path, request.headers['if-none-match'] ?? request.headers['if-modified-since']]);
    expect(conditionalHeaders).toEqual([
      ['/etag', '"abc123"'],
      ['/dated', 'Tue, 17 Nov 2026 10:00:00 GMT'],
    ]);
  });

  it('stores the same article from two feeds once per feed, as one cluster: each feed speaks for its own item', async () => {
    const shared = item(1, { guid: undefined, link: 'https://wire.example/story-1' });
    const server = await startServer({
      '/a': serve(rssFeed('Paper A', [shared])),
      '/b': serve(rssFeed('Paper B', [{ ...shared, link: 'https://WIRE.example/story-1?utm_source=b#top' }])),
    });
    const h = ingestHarness();
    const world = await h.topic('world');
    const local = await h.topic('local');
    const a = await h.feed(server.url('/a'), world);
    const b = await h.feed(server.url('/b'), local);
    const results = await h.ingest.pollDueFeeds();
    expect(results.map((result) => result.outcome === 'updated' && result.newStories)).toEqual([1, 1]);
    const stories = h.stories();
    expect(stories.map((story) => [story.key, story.source])).toEqual([
      [`feed:${a.id} url:https://wire.example/story-1`, 'Paper A'],
      [`feed:${b.id} url:https://wire.example/story-1`, 'Paper B'],
    ]);
    expect(stories[0]!.cluster_id).not.toBeNull();
    expect(stories[1]!.cluster_id).toBe(stories[0]!.cluster_id);
    const known = await h.stores.stories.knownKeys([stories[0]!.key, stories[1]!.key]);
    const [idA, idB] = [stories[0]!.key, stories[1]!.key].map((key) => known.get(key)!);
    expect([await h.stores.stories.topicIdsOf(idA!), await h.stores.stories.topicIdsOf(idB!)]).toEqual([
      [world.id],
      [local.id],
    ]);
    // Polled again, each feed finds its own item and stores nothing new.
    h.advance();
    const again = await h.ingest.pollDueFeeds({ all: true });
    expect(again.map((result) => result.outcome === 'updated' && result.newStories)).toEqual([0, 0]);
  });

  it('identifies items without guids by canonical link, and items without either by title and date', async () => {
    const server = await startServer({
      '/feed': serve(
        rssFeed('No Guids', [
          { title: 'Linked story', link: 'https://news.example/a?utm_campaign=x&page=2#frag', content: '<p>Body.</p>' },
          { title: 'Unlinked story', pubDate: 'Wed, 18 Nov 2026 08:00:00 GMT', content: '<p>Body.</p>' },
        ]),
      ),
    });
    const h = ingestHarness();
    const feed = await h.feed(server.url('/feed'), await h.topic('misc'));
    await h.ingest.pollDueFeeds();
    h.advance();
    await h.ingest.pollDueFeeds({ all: true });
    const keys = h.stories().map((story) => story.key);
    expect(keys).toHaveLength(2);
    expect(keys).toContain(`feed:${feed.id} url:https://news.example/a?page=2`);
    expect(keys.find((key) => key.includes(' hash:'))).toMatch(/^feed:\d+ hash:[0-9a-f]{32}$/);
  });

  it('keeps polling the other feeds when one times out, one is malformed and one is a billion-laughs attack', async () => {
    const server = await startServer({
      '/good': serve(rssFeed('Good', [item(1)])),
      '/slow': () => undefined,
      '/broken': serve(fixture('malformed.xml')),
      '/laughs': serve(fixture('billion-laughs.xml')),
      '/missing': (_request, response) => void response.writeHead(404).end(),
    });
    const h = ingestHarness({ timeoutMs: 1000 });
    const topic = await h.topic('mixed');
    for (const path of ['/good', '/slow', '/broken', '/laughs', '/missing']) await h.feed(server.url(path), topic);
    const results = await h.ingest.pollDueFeeds();
    const byPath = Object.fromEntries(results.map((result) => [new URL(result.url).pathname, result]));
    expect(byPath['/good']).toMatchObject({ outcome: 'updated', newStories: 1 });
    expect(byPath['/slow']).toMatchObject({ outcome: 'failed', errorKind: 'timeout' });
    expect(byPath['/broken']).toMatchObject({
      outcome: 'failed',
      errorKind: 'not-a-feed',
      error: 'not a feed: malformed feed',
    });
    expect(byPath['/laughs']).toMatchObject({ outcome: 'failed', errorKind: 'not-a-feed' });
    expect(byPath['/missing']).toMatchObject({
      outcome: 'failed',
      errorKind: 'http-status',
      error: 'HTTP 404 Not Found',
    });
    expect(h.stories()).toHaveLength(1);
  });

  it('reads catalogue feeds from disk, unchanged files as not modified, and refuses a file path anywhere else', async () => {
    const dir = tempDir();
    const path = join(dir, 'local.xml');
    writeFileSync(path, rssFeed('Local File', [item(1)]));
    const h = ingestHarness();
    const topic = await h.topic('local');
    await h.feed(path, topic, { fromCatalogue: true });
    await h.feed(join(dir, 'sneaky.xml'), topic);
    const results = await h.ingest.pollDueFeeds();
    expect(results.map((result) => [result.url, result.outcome])).toEqual([
      [path, 'updated'],
      [join(dir, 'sneaky.xml'), 'failed'],
    ]);
    expect(results[1]).toMatchObject({
      errorKind: 'refused-address',
      error: "refused address: local files are allowed only in the operator's catalogue",
    });
    h.advance();
    expect((await h.ingest.pollDueFeeds({ all: true }))[0]!.outcome).toBe('not-modified');
  });
});
