import { describe, expect, it } from 'vitest';
import { telegramChat, topicWithFeed, useStores, type StoresFactory } from './world.js';

const daily = (chatId: string, topicId: number) => ({
  chatId,
  topicId,
  schedule: 'daily 08:00',
  timezone: 'UTC',
  cap: 8,
  nextRunAt: '2026-11-25T08:00:00.000Z',
});

export function chatAuditMetaContract(factory: StoresFactory): void {
  describe('chat store', () => {
    const stores = useStores(factory);

    it('records a chat, refreshes its kind and community, and keeps its title when none is given', async () => {
      const { chats } = stores();
      const chat = await chats.ensure({ ...telegramChat('-5', 'group'), title: 'Book club' });
      expect(chat).toEqual({
        id: 'telegram:-5',
        platform: 'telegram',
        kind: 'group',
        communityId: 'telegram:-5',
        title: 'Book club',
        timezone: null,
        pausedAt: null,
        pausedReason: null,
      });
      expect(await chats.ensure({ ...telegramChat('-5', 'group'), kind: 'channel' })).toEqual({
        ...chat,
        kind: 'channel',
      });
      expect(await chats.get('telegram:404')).toBeNull();
    });

    it('keeps a chat’s timezone and its pause with reason and time until resumed', async () => {
      const { chats } = stores();
      await chats.ensure(telegramChat('7'));
      await chats.setTimezone('telegram:7', 'Europe/Lisbon');
      await chats.pause('telegram:7', 'bot was blocked', new Date('2026-11-24T10:00:00Z'));
      expect(await chats.get('telegram:7')).toMatchObject({
        timezone: 'Europe/Lisbon',
        pausedReason: 'bot was blocked',
        pausedAt: '2026-11-24T10:00:00.000Z',
      });
      await chats.resume('telegram:7');
      expect(await chats.get('telegram:7')).toMatchObject({ pausedAt: null, pausedReason: null });
    });

    it('moves a chat to a new id with its subscriptions, deliveries and outbox', async () => {
      const { chats, subscriptions, digests, outbox } = stores();
      const { topic, add } = await topicWithFeed(stores());
      const story = await add();
      await chats.ensure({ ...telegramChat('-5', 'group'), title: 'Book club' });
      await subscriptions.save(daily('telegram:-5', topic.id));
      await digests.commit({
        chatId: 'telegram:-5',
        at: '2026-11-25T08:00:00.000Z',
        messages: [{ key: 'k1', payload: '{}' }],
        deliveries: [{ storyId: story.id, subscriptionId: null }],
        advances: [],
      });
      await chats.rename('telegram:-5', 'telegram:-1005');
      expect(await chats.get('telegram:-5')).toBeNull();
      expect((await chats.get('telegram:-1005'))?.title).toBe('Book club');
      expect((await subscriptions.listForChat('telegram:-1005')).map((s) => s.topicId)).toEqual([topic.id]);
      expect(await digests.deliveredAmong('telegram:-1005', [story.id])).toEqual(new Set([story.id]));
      expect((await outbox.pending(10)).map((m) => m.chatId)).toEqual(['telegram:-1005']);
    });

    it('merges a chat into an existing one, keeping the existing chat’s own subscription of a shared topic', async () => {
      const { chats, subscriptions, digests, outbox } = stores();
      const world = await topicWithFeed(stores(), 'world');
      const sport = await topicWithFeed(stores(), 'sport');
      const story = await world.add();
      await chats.ensure(telegramChat('-5', 'group'));
      await chats.ensure({ ...telegramChat('-1005', 'group'), title: 'New home' });
      await subscriptions.save(daily('telegram:-5', world.topic.id));
      await subscriptions.save(daily('telegram:-5', sport.topic.id));
      await subscriptions.save({ ...daily('telegram:-1005', world.topic.id), cap: 3 });
      for (const chatId of ['telegram:-5', 'telegram:-1005']) {
        await digests.commit({
          chatId,
          at: '2026-11-25T08:00:00.000Z',
          messages: [{ key: `k-${chatId}`, payload: '{}' }],
          deliveries: [{ storyId: story.id, subscriptionId: null }],
          advances: [],
        });
      }
      await chats.rename('telegram:-5', 'telegram:-1005');
      expect(await chats.get('telegram:-5')).toBeNull();
      expect((await chats.get('telegram:-1005'))?.title).toBe('New home');
      const moved = await subscriptions.listForChat('telegram:-1005');
      expect(moved.map((s) => [s.topicId, s.cap])).toEqual([
        [sport.topic.id, 8],
        [world.topic.id, 3],
      ]);
      expect(await digests.deliveredSince('telegram:-1005', 0)).toEqual(new Map([[story.id, null]]));
      expect((await outbox.pending(10)).map((m) => m.chatId)).toEqual(['telegram:-1005', 'telegram:-1005']);
    });
  });

  describe('audit log', () => {
    const stores = useStores(factory);

    it('keeps who changed what, where and when, newest first, per community and up to a limit', async () => {
      const { audit } = stores();
      await audit.record({
        actorId: 'discord:1',
        communityId: 'discord:9',
        chatId: 'discord:10',
        action: 'topic.create',
        detail: 'chess',
        at: '2026-11-24T10:00:00.000Z',
      });
      await audit.record({
        actorId: 'telegram:2',
        communityId: null,
        chatId: 'telegram:2',
        action: 'subscribe',
        detail: 'world',
      });
      await audit.record({ actorId: 'op', communityId: null, chatId: null, action: 'catalogue.load', detail: '' });
      expect(await audit.list({ communityId: 'discord:9' })).toEqual([
        {
          at: '2026-11-24T10:00:00.000Z',
          actorId: 'discord:1',
          communityId: 'discord:9',
          chatId: 'discord:10',
          action: 'topic.create',
          detail: 'chess',
        },
      ]);
      expect((await audit.list()).map((entry) => entry.action)).toEqual([
        'catalogue.load',
        'subscribe',
        'topic.create',
      ]);
      expect((await audit.list({ communityId: null })).map((entry) => entry.action)).toEqual([
        'catalogue.load',
        'subscribe',
      ]);
      expect((await audit.list({ limit: 1 })).map((entry) => entry.action)).toEqual(['catalogue.load']);
      const [latest] = await audit.list({ limit: 1 });
      expect(Date.parse(latest!.at)).not.toBeNaN();
    });
  });

  describe('meta store', () => {
    const stores = useStores(factory);

    it('keeps one value per key, the last one set', async () => {
      const { meta } = stores();
      expect(await meta.get('catalogue-hash')).toBeNull();
      await meta.set('catalogue-hash', 'abc');
      await meta.set('catalogue-hash', 'def');
      await meta.set('commands-hash', '123');
      expect(await meta.get('catalogue-hash')).toBe('def');
      expect(await meta.get('commands-hash')).toBe('123');
    });
  });
}
