import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE } from '../../src/core/domain.js';
import { DUE_PAGE } from '../../src/store/subscription-store.js';
import { collect, telegramChat, topicWithFeed, useStores, type StoresFactory } from './world.js';

const input = (chatId: string, topicId: number, nextRunAt: string | null = '2026-11-25T08:00:00.000Z') => ({
  chatId,
  topicId,
  schedule: 'daily 08:00',
  timezone: 'UTC',
  cap: 8,
  nextRunAt,
});

export function subscriptionContract(factory: StoresFactory): void {
  describe('subscription store', () => {
    const stores = useStores(factory);

    it('creates a subscription watermarked at the newest story, then changes its schedule but not its watermark', async () => {
      const { chats, subscriptions } = stores();
      const { topic, add } = await topicWithFeed(stores());
      await add();
      const newest = await add();
      await chats.ensure(telegramChat('1'));
      const created = await subscriptions.save(input('telegram:1', topic.id));
      expect(created).toEqual({
        created: true,
        subscription: {
          id: expect.any(Number),
          chatId: 'telegram:1',
          topicId: topic.id,
          schedule: 'daily 08:00',
          timezone: 'UTC',
          cap: 8,
          watermark: newest.id,
          nextRunAt: '2026-11-25T08:00:00.000Z',
          createdAt: expect.any(String),
          style: DEFAULT_STYLE,
        },
      });
      await add();
      const changed = await subscriptions.save({
        ...input('telegram:1', topic.id, null),
        schedule: 'instant',
        timezone: 'Asia/Tokyo',
        cap: 3,
      });
      expect(changed).toEqual({
        created: false,
        subscription: {
          ...created.subscription,
          schedule: 'instant',
          timezone: 'Asia/Tokyo',
          cap: 3,
          nextRunAt: null,
        },
      });
      expect(await subscriptions.find('telegram:1', topic.id)).toEqual(changed.subscription);
      expect(await subscriptions.find('telegram:2', topic.id)).toBeNull();
    });

    it('starts a subscription at watermark 0 when no story is stored, and refuses a cap outside 1-25', async () => {
      const { chats, subscriptions } = stores();
      const { topic } = await topicWithFeed(stores());
      await chats.ensure(telegramChat('1'));
      expect((await subscriptions.save(input('telegram:1', topic.id))).subscription.watermark).toBe(0);
      await expect(subscriptions.save({ ...input('telegram:1', topic.id), cap: 26 })).rejects.toThrow();
      expect((await subscriptions.find('telegram:1', topic.id))?.cap).toBe(8);
    });

    it('creates a subscription once when the same one is saved several times at once', async () => {
      const { chats, subscriptions } = stores();
      const { topic } = await topicWithFeed(stores());
      await chats.ensure(telegramChat('1'));
      const saves = await Promise.all(
        [1, 2, 3, 4, 5].map((cap) => subscriptions.save({ ...input('telegram:1', topic.id), cap })),
      );
      expect(saves.filter((save) => save.created)).toHaveLength(1);
      expect(new Set(saves.map((save) => save.subscription.id)).size).toBe(1);
      expect(await subscriptions.listForChat('telegram:1')).toHaveLength(1);
    });

    it('lists a chat’s subscriptions by topic slug and removes one', async () => {
      const { chats, subscriptions } = stores();
      const world = await topicWithFeed(stores(), 'world');
      const arts = await topicWithFeed(stores(), 'arts');
      await chats.ensure(telegramChat('1'));
      await subscriptions.save(input('telegram:1', world.topic.id));
      await subscriptions.save(input('telegram:1', arts.topic.id));
      expect((await subscriptions.listForChat('telegram:1')).map((s) => s.topicId)).toEqual([
        arts.topic.id,
        world.topic.id,
      ]);
      expect(await subscriptions.remove('telegram:1', arts.topic.id)).toBe(true);
      expect(await subscriptions.remove('telegram:1', arts.topic.id)).toBe(false);
      expect((await subscriptions.listForChat('telegram:1')).map((s) => s.topicId)).toEqual([world.topic.id]);
      expect(await subscriptions.listForChat('telegram:404')).toEqual([]);
    });

    it('finds the subscriptions due by their next run, oldest first, with their topic and chat, of the platforms asked', async () => {
      const { chats, subscriptions } = stores();
      const { topic } = await topicWithFeed(stores());
      await chats.ensure(telegramChat('1'));
      await chats.ensure(telegramChat('2'));
      await chats.ensure({ id: 'discord:3', platform: 'discord', kind: 'channel', communityId: 'discord:9' });
      await chats.ensure(telegramChat('4'));
      await chats.pause('telegram:2', 'blocked', new Date('2026-11-24T00:00:00.000Z'));
      const late = await subscriptions.save(input('telegram:1', topic.id, '2026-11-25T08:00:00.000Z'));
      const early = await subscriptions.save(input('telegram:2', topic.id, '2026-11-25T07:00:00.000Z'));
      const discord = await subscriptions.save(input('discord:3', topic.id, '2026-11-25T07:30:00.000Z'));
      await subscriptions.save(input('telegram:4', topic.id, null));
      const due = await collect(subscriptions.due(new Date('2026-11-25T08:00:00.000Z')));
      expect(due.map((s) => s.id)).toEqual([early.subscription.id, discord.subscription.id, late.subscription.id]);
      expect(due[0]).toEqual({
        ...early.subscription,
        topic: { slug: 'world', name: 'World' },
        chat: { platform: 'telegram', pausedAt: '2026-11-24T00:00:00.000Z' },
      });
      expect((await collect(subscriptions.due(new Date('2026-11-25T07:59:59.999Z')))).map((s) => s.id)).toEqual([
        early.subscription.id,
        discord.subscription.id,
      ]);
      expect(
        (await collect(subscriptions.due(new Date('2026-11-25T09:00:00.000Z'), ['discord']))).map((s) => s.id),
      ).toEqual([discord.subscription.id]);
      expect(await collect(subscriptions.due(new Date('2026-11-25T09:00:00.000Z'), []))).toEqual([]);
      await subscriptions.setNextRun(early.subscription.id, '2026-11-26T07:00:00.000Z');
      await subscriptions.setNextRun(discord.subscription.id, null);
      expect((await collect(subscriptions.due(new Date('2026-11-25T09:00:00.000Z')))).map((s) => s.id)).toEqual([
        late.subscription.id,
      ]);
      expect((await subscriptions.find('telegram:2', topic.id))?.nextRunAt).toBe('2026-11-26T07:00:00.000Z');
    });

    it('reads the due subscriptions a page at a time, all of them in order, while the store is used between rows', async () => {
      const { chats, subscriptions, transaction } = stores();
      const { topic } = await topicWithFeed(stores());
      const count = DUE_PAGE + 5;
      const at = (index: number) => new Date(Date.UTC(2026, 10, 25, 7, 0, index % 7)).toISOString();
      await transaction(async () => {
        for (let index = 0; index < count; index++) {
          await chats.ensure(telegramChat(String(index)));
          await subscriptions.save(input(`telegram:${index}`, topic.id, at(index)));
        }
      });
      const seen: { id: number; nextRunAt: string | null }[] = [];
      for await (const due of subscriptions.due(new Date('2026-11-25T08:00:00.000Z'))) {
        seen.push({ id: due.id, nextRunAt: due.nextRunAt });
        // What the digest job does between rows: reschedule the row just read.
        await subscriptions.setNextRun(due.id, '2026-11-26T08:00:00.000Z');
      }
      const expected = [...seen].sort((a, b) => a.nextRunAt!.localeCompare(b.nextRunAt!) || a.id - b.id);
      expect(seen).toHaveLength(count);
      expect(new Set(seen.map((row) => row.id)).size).toBe(count);
      expect(seen).toEqual(expected);
      expect(await collect(subscriptions.due(new Date('2026-11-25T08:00:00.000Z')))).toEqual([]);
    });

    it('moves a chat’s subscriptions of one timezone to another, each with the next run computed in the new zone', async () => {
      const { chats, subscriptions } = stores();
      const world = await topicWithFeed(stores(), 'world');
      const arts = await topicWithFeed(stores(), 'arts');
      const sport = await topicWithFeed(stores(), 'sport');
      await chats.ensure(telegramChat('1'));
      await subscriptions.save(input('telegram:1', world.topic.id));
      await subscriptions.save(input('telegram:1', arts.topic.id));
      await subscriptions.save({ ...input('telegram:1', sport.topic.id), timezone: 'Asia/Tokyo' });
      const seen: string[] = [];
      const moved = await subscriptions.retime('telegram:1', 'UTC', 'Europe/Paris', (subscription) => {
        seen.push(subscription.timezone);
        return subscription.topicId === world.topic.id ? '2026-11-25T07:00:00.000Z' : null;
      });
      expect(moved).toBe(2);
      expect(seen).toEqual(['Europe/Paris', 'Europe/Paris']);
      expect((await subscriptions.listForChat('telegram:1')).map((s) => [s.timezone, s.nextRunAt])).toEqual([
        ['Europe/Paris', null],
        ['Asia/Tokyo', '2026-11-25T08:00:00.000Z'],
        ['Europe/Paris', '2026-11-25T07:00:00.000Z'],
      ]);
      expect(await subscriptions.retime('telegram:1', 'UTC', 'Europe/Paris', () => null)).toBe(0);
    });
  });
}
