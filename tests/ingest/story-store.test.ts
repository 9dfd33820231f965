import { describe, expect, it } from 'vitest';
import type { NewStory } from '../../src/core/story-port.js';
import { createStores, openDatabase } from '../../src/store/index.js';

async function setup() {
  const db = openDatabase(':memory:');
  const stores = createStores(db);
  const topic = await stores.topics.create({ slug: 'world', name: 'World', communityId: null });
  const feed = await stores.feeds.ensure('https://paper.example/rss');
  let n = 0;
  const story = (overrides: Partial<NewStory> = {}): NewStory => {
    n++;
    return {
      key: `guid:story-${n}`,
      feedId: feed.id,
      url: `https://paper.example/${n}`,
      headline: `Headline number ${n} about something quite different ${'x'.repeat(n)}`,
      standfirst: null,
      byline: null,
      source: 'Paper',
      publishedAt: null,
      arrivedAt: '2026-11-20T10:00:00.000Z',
      tags: [],
      quotes: [],
      keyQuotes: [],
      enriched: true,
      eligibleForDigest: true,
      topicIds: [topic.id],
      ...overrides,
    };
  };
  return { db, stores, topic, story };
}

describe('the story store', () => {
  it('stores a key once and hands back the stored story when it comes again', async () => {
    const { stores, story } = await setup();
    const first = await stores.stories.add(story({ key: 'url:https://paper.example/a' }));
    const again = await stores.stories.add(
      story({ key: 'url:https://paper.example/a', headline: 'Something else entirely' }),
    );
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, story: { id: first.story.id, headline: first.story.headline } });
    expect(await stores.stories.knownKeys(['url:https://paper.example/a', 'url:nope'])).toEqual(
      new Map([['url:https://paper.example/a', first.story.id]]),
    );
  });

  it('remembers keys of stories more than 12 months old', async () => {
    const { stores, story } = await setup();
    await stores.stories.add(
      story({ key: 'guid:old-one', arrivedAt: '2025-09-01T00:00:00.000Z', publishedAt: '2025-09-01T00:00:00.000Z' }),
    );
    expect((await stores.stories.knownKeys(['guid:old-one'])).has('guid:old-one')).toBe(true);
  });

  it('keeps every quote and returns key quotes in order of key rank', async () => {
    const { stores, story } = await setup();
    const quotes = [
      { text: 'First thing said in the article', speaker: 'A', paragraph: 0 },
      { text: 'Second thing said in the article', speaker: 'B', paragraph: 1 },
      { text: 'Third thing said in the article', speaker: 'C', paragraph: 2 },
    ];
    const { story: stored } = await stores.stories.add(story({ quotes, keyQuotes: [quotes[2]!, quotes[0]!] }));
    expect(stored.keyQuotes.map((quote) => quote.speaker)).toEqual(['C', 'A']);
    expect((await stores.stories.matchText(stored.id))?.quotes).toEqual(quotes.map((quote) => quote.text));
  });

  it('lists the latest stories newest first by published time, one per cluster', async () => {
    const { db, stores, story, topic } = await setup();
    const old = (await stores.stories.add(story({ publishedAt: '2026-11-18T08:00:00.000Z' }))).story;
    const newest = (await stores.stories.add(story({ publishedAt: '2026-11-20T09:00:00.000Z' }))).story;
    // A bad feed clock: "published" after it arrived counts as its arrival.
    const future = (
      await stores.stories.add(
        story({ publishedAt: '2030-01-01T00:00:00.000Z', arrivedAt: '2026-11-19T10:00:00.000Z' }),
      )
    ).story;
    const a = (
      await stores.stories.add(
        story({
          headline: 'Ministers agree new fishing quotas after long night of talks',
          publishedAt: '2026-11-19T12:00:00.000Z',
        }),
      )
    ).story;
    const b = (
      await stores.stories.add(
        story({
          headline: 'Ministers agree new fishing quotas after long night of talks',
          source: 'Other',
          publishedAt: '2026-11-19T13:00:00.000Z',
        }),
      )
    ).story;
    const elsewhere = await stores.topics.create({ slug: 'other', name: 'Other', communityId: null });
    await stores.stories.add(story({ topicIds: [elsewhere.id] }));
    expect(db.prepare('SELECT count(*) AS n FROM story_clusters').get()).toEqual({ n: 1 });
    const latest = (await stores.stories.latest([topic.id], 10)).map((entry) => entry.id);
    expect(latest).toEqual([newest.id, b.id, future.id, old.id]);
    expect(latest).not.toContain(a.id);
    expect(await stores.stories.clusterSources((await stores.stories.get(b.id))!.clusterId!, b.id)).toEqual(['Paper']);
    expect(await stores.stories.latest([topic.id], 2)).toHaveLength(2);
  });
});
