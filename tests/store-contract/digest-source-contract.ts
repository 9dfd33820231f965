import { describe, expect, it } from 'vitest';
import { telegramChat, topicWithFeed, useStores, type StoresFactory } from './world.js';

const SLOT = '2025-03-03T08:00:00.000Z';

export function digestSourceContract(factory: StoresFactory): void {
  describe('digest source', () => {
    const stores = useStores(factory);

    it('reads a topic’s pushable stories after the watermark, the watermark moving past first-poll ones too', async () => {
      const { digests } = stores();
      const world = await topicWithFeed(stores(), 'world');
      const other = await topicWithFeed(stores(), 'other');
      expect(await digests.latestStoryId()).toBe(0);
      const old = await world.add();
      const fresh = await world.add({
        headline: 'Fresh',
        url: null,
        publishedAt: '2026-11-20T09:00:00.000Z',
        imageUrl: 'https://img.paper.example/fresh.png',
      });
      await other.add();
      const firstPoll = await world.add({ eligibleForDigest: false });
      const news = await digests.newStories(world.topic.id, old.id);
      expect(news).toEqual({
        stories: [
          {
            id: fresh.id,
            clusterId: null,
            source: 'Paper',
            headline: 'Fresh',
            url: null,
            publishedAt: '2026-11-20T09:00:00.000Z',
            arrivedAt: fresh.arrivedAt,
            imageUrl: 'https://img.paper.example/fresh.png',
          },
        ],
        maxId: firstPoll.id,
      });
      expect(await digests.newStories(world.topic.id, firstPoll.id)).toEqual({ stories: [], maxId: firstPoll.id });
      expect(await digests.latestStoryId()).toBe(firstPoll.id);
    });

    it('finds older coverage of a cluster, key quotes by rank, and what a chat already received', async () => {
      const { digests, chats, stories } = stores();
      const { add } = await topicWithFeed(stores());
      await chats.ensure(telegramChat('1'));
      const headline = 'Ministers agree new fishing quotas after long night of talks';
      const quote = { text: 'This is a good day for the coast', speaker: 'Minister', paragraph: 1 };
      const first = await add({ headline });
      const second = await add({ headline, source: 'Other', keyQuotes: [quote], quotes: [quote] });
      const third = await add({ headline, source: 'Third' });
      const cluster = (await stories.get(first.id))!.clusterId!;
      expect(cluster).toEqual(expect.any(Number));
      expect(await digests.earlierClusterMembers([cluster], second.id)).toEqual(
        new Map([[cluster, [first.id, second.id]]]),
      );
      expect(await digests.earlierClusterMembers([cluster, cluster + 1000], third.id)).toEqual(
        new Map([[cluster, [first.id, second.id, third.id]]]),
      );
      expect(await digests.keyQuotes([first.id, second.id])).toEqual(new Map([[second.id, [quote]]]));
      expect(await digests.keyQuotes([])).toEqual(new Map());
      await digests.commit({
        chatId: 'telegram:1',
        at: SLOT,
        messages: [],
        deliveries: [{ storyId: first.id, subscriptionId: null }],
        advances: [],
      });
      expect(await digests.deliveredSince('telegram:1', 0)).toEqual(new Map([[first.id, cluster]]));
      expect(await digests.deliveredSince('telegram:1', first.id)).toEqual(new Map());
      expect(await digests.deliveredAmong('telegram:1', [first.id, second.id])).toEqual(new Set([first.id]));
      expect(await digests.deliveredAmong('telegram:1', [])).toEqual(new Set());
    });
  });
}
