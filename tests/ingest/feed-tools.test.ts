import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { serve, startServer } from './helpers/feed-server.js';
import { fixture, rssFeed } from './helpers/feeds.js';
import { ingestHarness } from './helpers/harness.js';

describe('checking a feed a moderator gives', () => {
  it('reports the feed’s title and item count', async () => {
    const server = await startServer({ '/rss': serve(fixture('rss2-full.xml')) });
    const { ingest } = ingestHarness();
    expect(await ingest.checkFeed(server.url('/rss'))).toEqual({
      ok: true,
      feedUrl: server.url('/rss'),
      title: 'The Valley & Coast Courier',
      itemCount: 1,
      discoveredFrom: null,
      baseline: [expect.any(String)],
    });
  });

  it('finds the feed a page announces with <link rel="alternate">', async () => {
    const server = await startServer({});
    server.route('/', serve(fixture('page-with-feed.html', server.origin), 'text/html; charset=utf-8'));
    server.route(
      '/feeds/news.xml',
      serve(rssFeed('Lakeside Times', [{ title: 'One', guid: 'lakeside-one-story-guid' }])),
    );
    const { ingest } = ingestHarness();
    expect(await ingest.checkFeed(server.url('/'))).toEqual({
      ok: true,
      feedUrl: server.url('/feeds/news.xml'),
      title: 'Lakeside Times',
      itemCount: 1,
      discoveredFrom: server.url('/'),
      baseline: [expect.any(String)],
    });
  });

  it('says why when the URL is neither a feed nor a page that announces one', async () => {
    const server = await startServer({
      '/plain': serve('<!doctype html><html><head><title>x</title></head><body>No feeds</body></html>', 'text/html'),
      '/broken-link': serve(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/nothing"></head></html>',
        'text/html',
      ),
      '/laughs': serve(fixture('billion-laughs.xml')),
    });
    const { ingest } = ingestHarness();
    expect(await ingest.checkFeed(server.url('/plain'))).toMatchObject({
      ok: false,
      errorKind: 'not-a-feed',
      reason: expect.stringContaining('announces none'),
    });
    expect(await ingest.checkFeed(server.url('/broken-link'))).toMatchObject({
      ok: false,
      errorKind: 'http-status',
      reason: `the page announces ${server.url('/nothing')}, but HTTP 404 Not Found`,
    });
    expect(await ingest.checkFeed(server.url('/laughs'))).toMatchObject({ ok: false, errorKind: 'not-a-feed' });
    expect(await ingest.checkFeed('file:///etc/passwd')).toMatchObject({ ok: false, errorKind: 'refused-address' });
  });

  it('applies the address guard to the URL it checks', async () => {
    const server = await startServer({ '/rss': serve(fixture('rss2-full.xml')) });
    const { ingest } = ingestHarness({ allowPrivate: false });
    expect(await ingest.checkFeed(server.url('/rss'))).toEqual({
      ok: false,
      errorKind: 'refused-address',
      reason: 'refused address: 127.0.0.1 (loopback)',
    });
    expect(server.requests).toEqual([]);
  });
});

describe('OPML', () => {
  it('lists an OPML file’s feeds with their category: the attribute’s last segment, else the folder', async () => {
    const server = await startServer({});
    server.route('/list.opml', serve(fixture('subscriptions.opml', server.origin), 'text/x-opml'));
    const { ingest } = ingestHarness();
    expect(await ingest.readOpml(server.url('/list.opml'))).toEqual([
      { url: server.url('/harbour.xml'), title: 'Harbour Gazette', category: 'Harbour News', folder: 'Harbour News' },
      { url: server.url('/lakeside.xml'), title: 'Lakeside Times', category: 'Harbour News', folder: 'Harbour News' },
      { url: server.url('/science.xml'), title: 'Science Notes', category: 'Astronomy', folder: null },
      { url: server.url('/loose.xml'), title: 'Loose feed', category: null, folder: null },
      { url: 'ftp://files.example/feed', title: 'Not a web address', category: null, folder: null },
    ]);
  });

  it('refuses a document that is not OPML, and an entity attack, with a UserError', async () => {
    const { ingest } = ingestHarness();
    await expect(ingest.parseOpml('<html></html>')).rejects.toThrow(UserError);
    await expect(ingest.parseOpml(fixture('billion-laughs.xml').replace('<rss', '<opml'))).rejects.toThrow(UserError);
  });

  it('writes topics and feeds that read back as the same categories', async () => {
    const { ingest } = ingestHarness();
    const topic = {
      id: 1,
      slug: 'harbour',
      name: 'Harbour & Sea',
      description: 'Ships',
      communityId: 'telegram:-1',
      ownerChatId: null,
      includeKeywords: [],
      excludeKeywords: [],
    };
    const text = await ingest.renderOpml('Our topics', [
      { topic, feeds: [{ url: 'https://harbour.example/rss', title: 'Gazette <daily>' }] },
    ]);
    expect(text).toContain('<opml');
    expect(await ingest.parseOpml(text)).toEqual([
      { url: 'https://harbour.example/rss', title: 'Gazette <daily>', category: 'harbour', folder: 'Harbour & Sea' },
    ]);
  });
});
