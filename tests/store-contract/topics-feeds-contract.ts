import { describe, expect, it } from 'vitest';
import { useStores, type StoresFactory } from './world.js';

export function topicAndFeedContract(factory: StoresFactory): void {
  describe('topic store', () => {
    const stores = useStores(factory);

    it('shows global topics and the community’s own by slug in byte order, a community topic hiding a global one', async () => {
      const { topics } = stores();
      await topics.create({ slug: 'world', name: 'World', communityId: null });
      await topics.create({ slug: 'sport', name: 'Sport', communityId: null });
      await topics.create({ slug: 'a_b', name: 'Underscore', communityId: null });
      await topics.create({ slug: 'a-b', name: 'Dash', communityId: null });
      await topics.create({ slug: 'Zed', name: 'Capital', communityId: null });
      const local = await topics.create({ slug: 'sport', name: 'Our sport', communityId: 'discord:1' });
      await topics.create({ slug: 'chess', name: 'Chess', communityId: 'discord:2' });
      expect((await topics.listVisible('discord:1')).map((t) => [t.slug, t.communityId])).toEqual([
        ['Zed', null],
        ['a-b', null],
        ['a_b', null],
        ['sport', 'discord:1'],
        ['world', null],
      ]);
      expect((await topics.listVisible(null)).map((t) => t.slug)).toEqual(['Zed', 'a-b', 'a_b', 'sport', 'world']);
      expect((await topics.findVisible('sport', 'discord:1'))?.id).toBe(local.id);
      expect((await topics.findVisible('sport', null))?.name).toBe('Sport');
      expect(await topics.findVisible('chess', 'discord:1')).toBeNull();
      expect(await topics.findVisible('chess', 'discord:2')).toMatchObject({ name: 'Chess', communityId: 'discord:2' });
    });

    it('creates a topic with its defaults, changes what is asked and refuses a duplicate slug for the same owner', async () => {
      const { topics } = stores();
      const topic = await topics.create({ slug: 'energy', name: 'Energy', communityId: null });
      expect(topic).toEqual({
        id: expect.any(Number),
        slug: 'energy',
        name: 'Energy',
        description: '',
        communityId: null,
        ownerChatId: null,
        includeKeywords: [],
        excludeKeywords: [],
      });
      const updated = await topics.update(topic.id, { includeKeywords: ['solar', 'wind'], excludeKeywords: ['oil'] });
      expect(updated).toMatchObject({ name: 'Energy', includeKeywords: ['solar', 'wind'], excludeKeywords: ['oil'] });
      expect(await topics.get(topic.id)).toEqual(updated);
      expect(await topics.update(topic.id, { name: 'Power', description: 'Grid and plants' })).toMatchObject({
        name: 'Power',
        description: 'Grid and plants',
        includeKeywords: ['solar', 'wind'],
      });
      await expect(topics.create({ slug: 'energy', name: 'Again', communityId: null })).rejects.toThrow(/unique/i);
      await expect(topics.create({ slug: 'energy', name: 'Ours', communityId: 'telegram:-1' })).resolves.toMatchObject({
        communityId: 'telegram:-1',
      });
      await expect(topics.update(999_999, { name: 'Nobody' })).rejects.toThrow(/does not exist/);
      expect(await topics.get(999_999)).toBeNull();
    });

    it('counts a topic’s feeds, finds the topics of a feed in creation order, and deletes a topic with its links', async () => {
      const { topics, feeds } = stores();
      const world = await topics.create({ slug: 'world', name: 'World', communityId: null });
      const africa = await topics.create({ slug: 'africa', name: 'Africa', communityId: null });
      const feed = await feeds.ensure('https://example.org/rss');
      await feeds.attach(world.id, feed.id, 'telegram:2');
      await feeds.attach(africa.id, feed.id, 'telegram:2');
      expect(await topics.feedCount(world.id)).toBe(1);
      expect((await topics.topicsOfFeed(feed.id)).map((t) => t.slug)).toEqual(['world', 'africa']);
      await topics.delete(world.id);
      expect(await topics.get(world.id)).toBeNull();
      expect(await topics.feedCount(world.id)).toBe(0);
      expect((await topics.topicsOfFeed(feed.id)).map((t) => t.slug)).toEqual(['africa']);
    });
  });

  describe('feed store', () => {
    const stores = useStores(factory);

    it('stores a URL once, attaches it to topics once, and drops feeds no topic uses', async () => {
      const { topics, feeds } = stores();
      const world = await topics.create({ slug: 'world', name: 'World', communityId: null });
      const feed = await feeds.ensure('https://example.org/rss', { title: 'Example', fromCatalogue: true });
      expect(feed).toMatchObject({
        url: 'https://example.org/rss',
        title: 'Example',
        enabled: true,
        fromCatalogue: true,
        etag: null,
        nextPollAt: null,
        consecutiveFailures: 0,
      });
      expect(await feeds.ensure('https://example.org/rss', { title: 'Other' })).toEqual(feed);
      expect(await feeds.findByUrl('https://example.org/rss')).toEqual(feed);
      expect(await feeds.findByUrl('https://example.org/none')).toBeNull();
      const other = await feeds.ensure('https://other.example/rss');
      await feeds.attach(world.id, feed.id, 'telegram:2');
      await feeds.attach(world.id, feed.id, 'telegram:2');
      expect(await topics.feedCount(world.id)).toBe(1);
      await feeds.detach(world.id, feed.id);
      await feeds.attach(world.id, other.id, 'telegram:2');
      expect(await feeds.deleteOrphans()).toBe(1);
      expect(await feeds.get(feed.id)).toBeNull();
      expect((await feeds.listAll()).map((f) => f.url)).toEqual(['https://other.example/rss']);
    });

    it('lists a topic’s feeds by URL in byte order and every feed by id', async () => {
      const { topics, feeds } = stores();
      const world = await topics.create({ slug: 'world', name: 'World', communityId: null });
      const urls = ['https://b.example/rss', 'https://B.example/rss', 'https://a.example/rss', 'https://a-b.example/'];
      for (const url of urls) await feeds.attach(world.id, (await feeds.ensure(url)).id, 'op');
      expect((await feeds.listForTopic(world.id)).map((f) => f.url)).toEqual([
        'https://B.example/rss',
        'https://a-b.example/',
        'https://a.example/rss',
        'https://b.example/rss',
      ]);
      expect((await feeds.listAll()).map((f) => f.url)).toEqual(urls);
    });

    it('changes only the poll fields given and returns the stored feed', async () => {
      const { feeds } = stores();
      const feed = await feeds.ensure('https://example.org/rss');
      const changes = {
        consecutiveFailures: 3,
        lastErrorKind: 'timeout',
        lastError: 'no answer in 20 s',
        enabled: false,
        etag: 'W/"abc"',
        lastModified: 'Tue, 24 Nov 2026 10:00:00 GMT',
        nextPollAt: '2026-11-24T10:15:00.000Z',
        lastPolledAt: '2026-11-24T10:00:00.000Z',
        firstPolledAt: '2026-11-20T10:00:00.000Z',
        disabledReason: 'gone',
      } as const;
      const updated = await feeds.update(feed.id, changes);
      expect(updated).toEqual({ ...feed, ...changes });
      expect(await feeds.get(feed.id)).toEqual(updated);
      expect(await feeds.update(feed.id, { enabled: true, nextPollAt: null, title: 'Named' })).toEqual({
        ...updated,
        enabled: true,
        nextPollAt: null,
        title: 'Named',
      });
      await expect(feeds.update(999_999, { enabled: true })).rejects.toThrow(/does not exist/);
    });
  });
}
