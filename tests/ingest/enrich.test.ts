import { refusedRange } from '../../src/ingest/address-guard.js';
import { describe, expect, it } from 'vitest';
import { serve, startServer } from './helpers/feed-server.js';
import { articleHtml, fixture, rssFeed } from './helpers/feeds.js';
import { ingestHarness } from './helpers/harness.js';

describe('turning items into stories', () => {
  it('fetches and extracts the article page of an item that carries no full text', async () => {
    const server = await startServer({});
    server.route(
      '/feed',
      serve(
        rssFeed('Lakeside Times', [
          {
            title: 'Harbour master resigns',
            guid: 'lakeside-harbour-master-resigns',
            link: server.url('/article'),
            description: 'A short teaser.',
          },
        ]),
      ),
    );
    server.route('/article', serve(fixture('article.html'), 'text/html; charset=utf-8'));
    const h = ingestHarness();
    await h.feed(server.url('/feed'), await h.topic('lakeside'));
    await h.ingest.pollDueFeeds();
    expect(server.hits('/article')).toBe(1);
    const [row] = h.stories();
    expect(row).toMatchObject({ headline: 'Harbour master resigns', enriched: 1, source: 'Lakeside Times' });
    const story = (await h.stores.stories.get(1))!;
    expect(story.keyQuotes.length).toBeGreaterThan(0);
    expect(story.keyQuotes.map((quote) => quote.speaker)).toContain('Ruth Okafor');
    expect(story.keyQuotes[0]!.text).toMatch(/channel|concern/);
  });

  it('keeps the feed’s title and summary, not enriched, when the article page cannot be had', async () => {
    const server = await startServer({});
    server.route(
      '/feed',
      serve(
        rssFeed('Lakeside Times', [
          {
            title: 'Ferry strike called off',
            guid: 'lakeside-ferry-strike-off',
            link: server.url('/gone'),
            description: 'Crews <b>return</b> on Monday.',
          },
        ]),
      ),
    );
    const h = ingestHarness();
    await h.feed(server.url('/feed'), await h.topic('lakeside'));
    const [result] = await h.ingest.pollDueFeeds();
    expect(result).toMatchObject({ outcome: 'updated', newStories: 1 });
    expect(server.hits('/gone')).toBe(1);
    expect(h.stories()[0]).toMatchObject({
      headline: 'Ferry strike called off',
      standfirst: 'Crews return on Monday.',
      enriched: 0,
    });
  });

  it('extracts from the item’s own full text without fetching the page', async () => {
    const server = await startServer({});
    const content = articleHtml(
      'Bridge vote',
      'This bridge will finally join the two halves of the valley',
      'Tom Varga',
    );
    server.route(
      '/feed',
      serve(
        rssFeed('Courier', [
          {
            title: 'Council approves bridge',
            guid: 'courier-bridge-approved-2026',
            link: server.url('/page'),
            content,
          },
        ]),
      ),
    );
    const h = ingestHarness();
    await h.feed(server.url('/feed'), await h.topic('valley'));
    await h.ingest.pollDueFeeds();
    expect(server.hits('/page')).toBe(0);
    const story = (await h.stores.stories.get(1))!;
    expect(story.enriched).toBe(true);
    expect(story.keyQuotes[0]).toMatchObject({
      text: expect.stringContaining('This bridge will finally join the two halves'),
      speaker: 'Tom Varga',
    });
  });

  it('puts a story only in the topics whose keywords it matches, headline, standfirst or quotations', async () => {
    const server = await startServer({});
    const content = articleHtml('Budget', 'The ferry subsidy stays, whatever happens to the bus routes', 'Ana Ruiz');
    server.route(
      '/feed',
      serve(
        rssFeed('Courier', [
          { title: 'Budget agreed for next year', guid: 'courier-budget-agreed-2026', content },
          {
            title: 'Football club promoted',
            guid: 'courier-football-promoted',
            content: '<p>The club went up after a late goal on Saturday afternoon.</p>',
          },
        ]),
      ),
    );
    const h = ingestHarness();
    const everything = await h.topic('everything');
    const ferries = await h.topic('ferries', { include: ['Ferry'] });
    const noSport = await h.topic('no-sport', { exclude: ['football'] });
    for (const topic of [everything, ferries, noSport]) await h.feed(server.url('/feed'), topic);
    await h.ingest.pollDueFeeds();
    const topicsOf = (headline: string) => {
      const id = (h.db.prepare('SELECT id FROM stories WHERE headline = ?').get(headline) as { id: number }).id;
      return h.stores.stories.topicIdsOf(id);
    };
    expect(await topicsOf('Budget agreed for next year')).toEqual([everything.id, ferries.id, noSport.id]);
    expect(await topicsOf('Football club promoted')).toEqual([everything.id]);
  });
});

describe('clusters', () => {
  it('joins near-identical headlines from several outlets into one cluster, shown once by /latest with the others', async () => {
    const server = await startServer({
      '/herald': serve(
        rssFeed('The Herald', [
          {
            title: 'Marundi and Tessaly agree to prisoner exchange',
            guid: 'herald-prisoner-exchange-2026',
            content: '<p>Talks in Geneva ended with a deal.</p>',
          },
        ]),
      ),
      '/dispatch': serve(
        rssFeed('Dispatch', [
          {
            title: 'Marundi, Tessaly agree to prisoner exchange - Dispatch',
            guid: 'dispatch-prisoner-exchange-2026',
            content: '<p>A deal in Geneva.</p>',
          },
        ]),
      ),
      '/other': serve(
        rssFeed('Other', [
          {
            title: 'Prisoner exchange talks collapse in another region entirely',
            guid: 'other-talks-collapse-2026',
            content: '<p>No deal.</p>',
          },
        ]),
      ),
    });
    const h = ingestHarness();
    const world = await h.topic('world');
    for (const path of ['/herald', '/dispatch', '/other']) await h.feed(server.url(path), world);
    await h.ingest.pollDueFeeds();
    const rows = h.stories();
    const clustered = rows.filter((row) => row.cluster_id !== null);
    expect(clustered.map((row) => row.source).sort()).toEqual(['Dispatch', 'The Herald']);
    expect(new Set(clustered.map((row) => row.cluster_id)).size).toBe(1);
    const latest = await h.stores.stories.latest([world.id], 10);
    expect(latest).toHaveLength(2);
    const shown = latest.find((story) => story.clusterId !== null)!;
    expect(await h.stores.stories.clusterSources(shown.clusterId!, shown.id)).toEqual([
      shown.source === 'Dispatch' ? 'The Herald' : 'Dispatch',
    ]);
  });

  it('joins stories with different headlines that share a quotation', async () => {
    const quote = 'We will not reopen the mine until every tunnel has been inspected';
    const server = await startServer({
      '/a': serve(
        rssFeed('Paper A', [
          {
            title: 'Mine stays shut after collapse',
            guid: 'paper-a-mine-shut-2026',
            content: articleHtml('Mine', quote, 'Lena Fischer'),
          },
        ]),
      ),
      '/b': serve(
        rssFeed('Paper B', [
          {
            title: 'Inspectors to check every tunnel',
            guid: 'paper-b-tunnels-2026',
            content: articleHtml('Tunnels', quote, 'Lena Fischer'),
          },
        ]),
      ),
    });
    const h = ingestHarness();
    const topic = await h.topic('mining');
    await h.feed(server.url('/a'), topic);
    await h.feed(server.url('/b'), topic);
    await h.ingest.pollDueFeeds();
    const rows = h.stories();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.cluster_id).not.toBeNull();
    expect(rows[0]!.cluster_id).toBe(rows[1]!.cluster_id);
  });

  it('does not join the same headline more than 48 hours apart', async () => {
    const server = await startServer({
      '/a': serve(
        rssFeed('Paper A', [
          {
            title: 'Storm warning issued for the whole coast',
            guid: 'paper-a-storm-nov-01',
            pubDate: 'Sun, 01 Nov 2026 08:00:00 GMT',
            content: '<p>Wind.</p>',
          },
        ]),
      ),
      '/b': serve(
        rssFeed('Paper B', [
          {
            title: 'Storm warning issued for the whole coast',
            guid: 'paper-b-storm-nov-19',
            pubDate: 'Thu, 19 Nov 2026 08:00:00 GMT',
            content: '<p>Wind.</p>',
          },
        ]),
      ),
    });
    const h = ingestHarness();
    const topic = await h.topic('weather');
    await h.feed(server.url('/a'), topic);
    await h.feed(server.url('/b'), topic);
    await h.ingest.pollDueFeeds();
    expect(h.stories().map((row) => row.cluster_id)).toEqual([null, null]);
  });
});

describe('article pages and the address guard', () => {
  it('refuses an article page on a private address and keeps the summary', async () => {
    const server = await startServer({});
    server.route(
      '/feed',
      serve(
        rssFeed('Sneaky', [
          {
            title: 'Innocent-looking story',
            guid: 'sneaky-innocent-story',
            link: 'http://169.254.169.254/latest/meta-data/',
            description: 'Teaser.',
          },
        ]),
      ),
    );
    // The test server stands in for a public site: only 127.0.0.1 is treated as public.
    const h = ingestHarness({
      allowPrivate: false,
      addressPolicy: (address) => (address === '127.0.0.1' ? null : refusedRange(address)),
    });
    await h.feed(server.url('/feed'), await h.topic('sneaky'));
    const [result] = await h.ingest.pollDueFeeds();
    expect(result).toMatchObject({ outcome: 'updated', newStories: 1 });
    expect(h.stories()[0]).toMatchObject({ headline: 'Innocent-looking story', standfirst: 'Teaser.', enriched: 0 });
    const reasons = h.logger.entries.map((entry) => (entry.obj as { err?: Error }).err?.message);
    expect(reasons).toContain('refused address: 169.254.169.254 (link-local)');
  });
});
