import { describe, expect, it } from 'vitest';
import { newStory, topicWithFeed, useStores, type StoresFactory } from './world.js';

const said = (text: string, speaker: string | null, paragraph: number) => ({ text, speaker, paragraph });

export function storyContract(factory: StoresFactory): void {
  describe('story store', () => {
    const stores = useStores(factory);

    it('stores a key once and hands back the stored story when it comes again, however old', async () => {
      const { stories } = stores();
      const { feed, topic } = await topicWithFeed(stores());
      const first = await stories.add(
        newStory(feed.id, [topic.id], {
          key: 'feed:1 guid:a',
          arrivedAt: '2025-09-01T00:00:00.000Z',
          publishedAt: '2025-08-31T23:00:00.000Z',
          tags: ['city', 'bridges'],
          standfirst: 'The long way round',
          byline: 'A. Writer',
          enriched: false,
        }),
      );
      expect(first).toEqual({
        created: true,
        story: {
          id: expect.any(Number),
          key: 'feed:1 guid:a',
          feedId: feed.id,
          url: expect.any(String),
          headline: expect.any(String),
          standfirst: 'The long way round',
          byline: 'A. Writer',
          source: 'Paper',
          publishedAt: '2025-08-31T23:00:00.000Z',
          arrivedAt: '2025-09-01T00:00:00.000Z',
          tags: ['city', 'bridges'],
          keyQuotes: [],
          imageUrl: null,
          enriched: false,
          eligibleForDigest: true,
          clusterId: null,
        },
      });
      const again = await stories.add(newStory(feed.id, [topic.id], { key: 'feed:1 guid:a', headline: 'Else' }));
      expect(again).toEqual({ created: false, story: first.story });
      expect(await stories.knownKeys(['feed:1 guid:a', 'feed:1 guid:nope', 'feed:1 guid:a'])).toEqual(
        new Map([['feed:1 guid:a', first.story.id]]),
      );
      expect(await stories.knownKeys([])).toEqual(new Map());
      expect(await stories.get(first.story.id + 1000)).toBeNull();
    });

    it('keeps a story’s lead image address, as stored and as listed latest', async () => {
      const { stories } = stores();
      const { add, topic } = await topicWithFeed(stores());
      const pictured = await add({ imageUrl: 'https://img.paper.example/bridge.jpg?w=1200&h=630' });
      const plain = await add({ imageUrl: null });
      expect(pictured.imageUrl).toBe('https://img.paper.example/bridge.jpg?w=1200&h=630');
      expect((await stories.get(pictured.id))?.imageUrl).toBe('https://img.paper.example/bridge.jpg?w=1200&h=630');
      expect((await stories.get(plain.id))?.imageUrl).toBeNull();
      const latest = await stories.latest([topic.id], 10);
      expect(new Map(latest.map((story) => [story.id, story.imageUrl]))).toEqual(
        new Map([
          [pictured.id, 'https://img.paper.example/bridge.jpg?w=1200&h=630'],
          [plain.id, null],
        ]),
      );
    });

    it('recognises the same feed’s item under a new guid by its link and headline', async () => {
      const { stories } = stores();
      const { feed, topic } = await topicWithFeed(stores());
      const first = await stories.add(
        newStory(feed.id, [topic.id], { url: 'https://paper.example/a', headline: 'Bridge opens' }),
      );
      const renamed = await stories.add(
        newStory(feed.id, [topic.id], { url: 'https://paper.example/a', headline: 'Bridge opens' }),
      );
      expect(renamed).toEqual({ created: false, story: first.story });
      const retitled = await stories.add(
        newStory(feed.id, [topic.id], { url: 'https://paper.example/a', headline: 'Bridge closes again' }),
      );
      expect(retitled.created).toBe(true);
    });

    it('stores a key once when it is added several times at once', async () => {
      const { stories } = stores();
      const { feed, topic } = await topicWithFeed(stores());
      const results = await Promise.all(
        [1, 2, 3, 4].map(() => stories.add(newStory(feed.id, [topic.id], { key: 'feed:1 guid:same' }))),
      );
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.story.id)).size).toBe(1);
    });

    it('keeps every quote in order and returns key quotes in order of key rank, adding one not among the quotes', async () => {
      const { stories } = stores();
      const { feed, topic } = await topicWithFeed(stores());
      const quotes = [
        said('First thing said in the article', 'A', 0),
        said('Second thing said in the article', 'B', 1),
        said('Third thing said in the article', null, 2),
      ];
      const extra = said('A summary line nobody quoted verbatim', 'D', 4);
      const { story } = await stories.add(
        newStory(feed.id, [topic.id], {
          headline: 'Council agrees budget',
          standfirst: 'After a long night',
          quotes,
          keyQuotes: [quotes[2]!, extra, quotes[0]!, quotes[1]!],
        }),
      );
      expect(story.keyQuotes).toEqual([quotes[2], extra, quotes[0]]);
      expect(await stories.matchText(story.id)).toEqual({
        headline: 'Council agrees budget',
        standfirst: 'After a long night',
        quotes: [...quotes.map((quote) => quote.text), extra.text],
      });
      expect(await stories.matchText(story.id + 1000)).toBeNull();
    });

    it('adds topics to a stored story, counting only the new ones', async () => {
      const { stories, topics } = stores();
      const { add, topic } = await topicWithFeed(stores());
      const other = await topics.create({ slug: 'other', name: 'Other', communityId: null });
      const third = await topics.create({ slug: 'third', name: 'Third', communityId: null });
      const story = await add({ topicIds: [topic.id, topic.id] });
      expect(await stories.topicIdsOf(story.id)).toEqual([topic.id]);
      expect(await stories.addTopics(story.id, [third.id, topic.id, other.id, third.id])).toBe(2);
      expect(await stories.addTopics(story.id, [])).toBe(0);
      expect(await stories.topicIdsOf(story.id)).toEqual([topic.id, other.id, third.id].sort((a, b) => a - b));
    });

    it('clusters two outlets’ stories sharing a quotation within 48 hours, and not a third days later', async () => {
      const { stories } = stores();
      const { add } = await topicWithFeed(stores());
      const quote = said('We will not accept any deal that harms our farmers', 'The minister', 3);
      const a = await add({ headline: 'Trade talks stall', quotes: [quote], arrivedAt: '2026-11-20T10:00:00.000Z' });
      const b = await add({
        headline: 'Minister digs in',
        source: 'Other',
        quotes: [quote],
        arrivedAt: '2026-11-20T12:00:00.000Z',
      });
      const c = await add({
        headline: 'Old words again',
        source: 'Third',
        quotes: [quote],
        arrivedAt: '2026-11-25T12:00:00.000Z',
      });
      expect((await stories.get(a.id))?.clusterId).toEqual(expect.any(Number));
      expect(b.clusterId).toBe((await stories.get(a.id))?.clusterId);
      expect(c.clusterId).toBeNull();
      expect(await stories.clusterSources(b.clusterId!, b.id)).toEqual(['Paper']);
    });

    it('lists the latest stories newest first by published time, one per cluster, with the cluster’s other outlets', async () => {
      const { stories, topics } = stores();
      const { add, topic, feed } = await topicWithFeed(stores());
      const old = await add({ publishedAt: '2026-11-18T08:00:00.000Z' });
      const newest = await add({ publishedAt: '2026-11-20T09:00:00.000Z' });
      // A bad feed clock: "published" after it arrived counts as its arrival.
      const future = await add({ publishedAt: '2030-01-01T00:00:00.000Z', arrivedAt: '2026-11-19T10:00:00.000Z' });
      const headline = 'Ministers agree new fishing quotas after long night of talks';
      const a = await add({ headline, publishedAt: '2026-11-19T12:00:00.000Z' });
      const b = await add({ headline, source: 'Other', publishedAt: '2026-11-19T13:00:00.000Z' });
      const c = await add({ headline, source: 'Other', publishedAt: '2026-11-19T11:00:00.000Z' });
      const d = await add({ headline, source: 'Third', publishedAt: '2026-11-19T10:00:00.000Z' });
      const elsewhere = await topics.create({ slug: 'other', name: 'Other', communityId: null });
      await stories.add(newStory(feed.id, [elsewhere.id]));
      const latest = await stories.latest([topic.id], 10);
      expect(latest.map((story) => story.id)).toEqual([newest.id, b.id, future.id, old.id]);
      expect(latest[0]).toEqual(await stories.get(newest.id));
      expect(await stories.clusterSources(b.clusterId!, b.id)).toEqual(['Paper', 'Third']);
      // The first story joined its cluster when the second arrived.
      expect((await stories.get(a.id))?.clusterId).toBe(b.clusterId);
      expect(await stories.clusterSources(b.clusterId!, a.id)).toEqual(['Other', 'Third']);
      expect([c.clusterId, d.clusterId]).toEqual([b.clusterId, b.clusterId]);
      expect((await stories.latest([topic.id], 2)).map((story) => story.id)).toEqual([newest.id, b.id]);
      expect((await stories.latest([topic.id, elsewhere.id, topic.id], 10)).length).toBe(5);
      expect(await stories.latest([], 10)).toEqual([]);
      expect(await stories.latest([topic.id], 0)).toEqual([]);
    });
  });
}
