import { afterEach, beforeEach } from 'vitest';
import type { NewStory } from '../../src/core/story-port.js';
import type { Stores } from '../../src/store/index.js';

/** One backend's stores over an empty, migrated database, and how to drop it. */
export interface StoreWorld {
  stores: Stores;
  close(): Promise<void>;
}

export type StoresFactory = () => Promise<StoreWorld>;

/** Fresh stores for every test of the calling describe block. */
export function useStores(factory: StoresFactory): () => Stores {
  let world: StoreWorld | undefined;
  beforeEach(async () => {
    world = await factory();
  });
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });
  return () => world!.stores;
}

/** Every item of an async iterable, in order (Array.fromAsync arrives with Node 22). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

let counter = 0;

/** A story as ingestion hands it over: distinct key and headline unless overridden. */
export function newStory(feedId: number, topicIds: number[], overrides: Partial<NewStory> = {}): NewStory {
  counter++;
  return {
    key: `feed:${feedId} guid:story-${counter}`,
    feedId,
    url: `https://paper.example/${counter}`,
    headline: `Headline number ${counter} about something quite different ${'x'.repeat(counter % 40)}`,
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
    topicIds,
    ...overrides,
  };
}

/** A topic with one feed, and a helper storing stories of it. */
export async function topicWithFeed(stores: Stores, slug = 'world') {
  const topic = await stores.topics.create({ slug, name: slug[0]!.toUpperCase() + slug.slice(1), communityId: null });
  const feed = await stores.feeds.ensure(`https://paper.example/${slug}.xml`);
  await stores.feeds.attach(topic.id, feed.id, 'test');
  const add = async (overrides: Partial<NewStory> = {}) =>
    (await stores.stories.add(newStory(feed.id, [topic.id], overrides))).story;
  return { topic, feed, add };
}

export const telegramChat = (id: string, kind: 'private' | 'group' = 'private') => ({
  id: `telegram:${id}`,
  platform: 'telegram' as const,
  kind,
  communityId: kind === 'group' ? `telegram:${id}` : null,
});
