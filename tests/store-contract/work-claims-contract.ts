import { describe, expect, it } from 'vitest';
import { collect, telegramChat, topicWithFeed, useStores, type StoresFactory } from './world.js';

/**
 * Work that several processes share through the database: each due feed is polled by one of
 * them, and the due chats fall into parts that processes plan side by side.
 */
export function workClaimsContract(factory: StoresFactory): void {
  describe('feed claims', () => {
    const stores = useStores(factory);
    const now = new Date('2026-12-03T09:00:00.000Z');
    const lease = new Date('2026-12-03T09:10:00.000Z');

    it('gives a due feed to one claimer of many at once, leased until the time given', async () => {
      const { feeds } = stores();
      const feed = await feeds.ensure('https://paper.example/due.xml');
      const claims = await Promise.all(Array.from({ length: 6 }, () => feeds.claim(feed.id, now, lease)));
      const won = claims.filter((claim) => claim !== null);
      expect(won).toHaveLength(1);
      expect(won[0]).toMatchObject({ id: feed.id, url: feed.url, nextPollAt: lease.toISOString() });
      expect((await feeds.get(feed.id))?.nextPollAt).toBe(lease.toISOString());
    });

    it('refuses a feed that is not due, disabled or gone, and changes nothing', async () => {
      const { feeds } = stores();
      const later = await feeds.ensure('https://paper.example/later.xml');
      await feeds.update(later.id, { nextPollAt: '2026-12-03T09:00:01.000Z' });
      const off = await feeds.ensure('https://paper.example/off.xml');
      await feeds.update(off.id, { enabled: false });
      expect(await feeds.claim(later.id, now, lease)).toBeNull();
      expect(await feeds.claim(off.id, now, lease)).toBeNull();
      expect(await feeds.claim(9999, now, lease)).toBeNull();
      expect((await feeds.get(later.id))?.nextPollAt).toBe('2026-12-03T09:00:01.000Z');
      expect((await feeds.get(off.id))?.nextPollAt).toBeNull();
    });

    it('gives a feed again once its lease has run out, as when the process polling it died', async () => {
      const { feeds } = stores();
      const feed = await feeds.ensure('https://paper.example/dead.xml');
      await feeds.update(feed.id, { nextPollAt: '2026-12-03T08:59:00.000Z' });
      expect(await feeds.claim(feed.id, now, lease)).not.toBeNull();
      expect(await feeds.claim(feed.id, new Date('2026-12-03T09:09:59.000Z'), lease)).toBeNull();
      const after = new Date('2026-12-03T09:10:00.000Z');
      expect(await feeds.claim(feed.id, after, new Date('2026-12-03T09:20:00.000Z'))).toMatchObject({
        nextPollAt: '2026-12-03T09:20:00.000Z',
      });
    });
  });
  describe('due subscriptions in parts', () => {
    const stores = useStores(factory);

    it('puts every due chat in exactly one part of those asked, with all its subscriptions, the same on every call', async () => {
      const { chats, subscriptions } = stores();
      const world = await topicWithFeed(stores(), 'world');
      const arts = await topicWithFeed(stores(), 'arts');
      const due = '2026-11-25T08:00:00.000Z';
      for (let chat = 0; chat < 40; chat++) {
        await chats.ensure(telegramChat(String(1000 + chat)));
        for (const topic of [world.topic, arts.topic]) {
          await subscriptions.save({
            chatId: `telegram:${1000 + chat}`,
            topicId: topic.id,
            schedule: 'daily 08:00',
            timezone: 'UTC',
            cap: 8,
            nextRunAt: due,
          });
        }
      }
      const now = new Date(due);
      const whole = (await collect(subscriptions.due(now))).map((s) => s.id).sort((a, b) => a - b);
      expect(whole).toHaveLength(80);
      const parts = [];
      for (let index = 0; index < 4; index++)
        parts.push(await collect(subscriptions.due(now, undefined, { index, of: 4 })));
      // Parts are disjoint, cover everything, and keep a chat's subscriptions together.
      expect(
        parts
          .flat()
          .map((s) => s.id)
          .sort((a, b) => a - b),
      ).toEqual(whole);
      const partOfChat = new Map<string, number>();
      parts.forEach((part, index) => {
        for (const subscription of part) {
          expect(partOfChat.get(subscription.chatId) ?? index).toBe(index);
          partOfChat.set(subscription.chatId, index);
        }
      });
      // Forty chats over four parts: no part is left empty or takes everything.
      for (const part of parts) expect(part.length).toBeGreaterThan(0);
      for (const part of parts) expect(part.length).toBeLessThan(80);
      const again = await collect(subscriptions.due(now, undefined, { index: 2, of: 4 }));
      expect(again.map((s) => s.id)).toEqual(parts[2]!.map((s) => s.id));
    });
  });
}
