import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE, type SubscriptionStyle } from '../../src/core/domain.js';
import { collect, telegramChat, topicWithFeed, useStores, type StoresFactory } from './world.js';

const input = (chatId: string, topicId: number, style?: SubscriptionStyle) => ({
  chatId,
  topicId,
  schedule: 'daily 08:00',
  timezone: 'UTC',
  cap: 8,
  nextRunAt: '2026-11-25T08:00:00.000Z',
  ...(style ? { style } : {}),
});

const compact: SubscriptionStyle = {
  format: 'compact',
  quotes: 0,
  previews: true,
  silent: true,
  images: false,
  mentionRoleId: '123456789012345678',
};

export function subscriptionStyleContract(factory: StoresFactory): void {
  describe('subscription style', () => {
    const stores = useStores(factory);

    it('gives a subscription saved without a style the default one, and keeps it when saved again without one', async () => {
      const { chats, subscriptions } = stores();
      const { topic } = await topicWithFeed(stores());
      await chats.ensure(telegramChat('1'));
      const created = await subscriptions.save(input('telegram:1', topic.id));
      expect(created.subscription.style).toEqual(DEFAULT_STYLE);
      expect(DEFAULT_STYLE).toEqual({
        format: 'full',
        quotes: 2,
        previews: false,
        silent: false,
        images: true,
        mentionRoleId: null,
      });
      await subscriptions.save({ ...input('telegram:1', topic.id, compact), cap: 4 });
      const resaved = await subscriptions.save({ ...input('telegram:1', topic.id), cap: 5 });
      expect(resaved.subscription).toMatchObject({ cap: 5, style: compact });
    });

    it('saves a style given with a new subscription and reads it back everywhere a subscription is read', async () => {
      const { chats, subscriptions } = stores();
      const { topic } = await topicWithFeed(stores());
      await chats.ensure(telegramChat('1'));
      const created = await subscriptions.save(input('telegram:1', topic.id, compact));
      expect(created).toMatchObject({ created: true, subscription: { style: compact } });
      expect((await subscriptions.find('telegram:1', topic.id))?.style).toEqual(compact);
      expect((await subscriptions.listForChat('telegram:1')).map((s) => s.style)).toEqual([compact]);
      const due = await collect(subscriptions.due(new Date('2026-11-25T08:00:00.000Z')));
      expect(due.map((s) => s.style)).toEqual([compact]);
    });

    it('changes every part of a style, back to the defaults too, and keeps each subscription’s own', async () => {
      const { chats, subscriptions } = stores();
      const world = await topicWithFeed(stores(), 'world');
      const arts = await topicWithFeed(stores(), 'arts');
      await chats.ensure(telegramChat('1'));
      await subscriptions.save(input('telegram:1', world.topic.id, compact));
      await subscriptions.save(input('telegram:1', arts.topic.id));
      const quieter = { ...DEFAULT_STYLE, quotes: 3, silent: true };
      const changed = await subscriptions.save(input('telegram:1', world.topic.id, quieter));
      expect(changed).toMatchObject({ created: false, subscription: { style: quieter } });
      expect((await subscriptions.find('telegram:1', world.topic.id))?.style).toEqual(quieter);
      expect((await subscriptions.find('telegram:1', arts.topic.id))?.style).toEqual(DEFAULT_STYLE);
      await subscriptions.save(input('telegram:1', world.topic.id, { ...DEFAULT_STYLE }));
      expect((await subscriptions.find('telegram:1', world.topic.id))?.style).toEqual(DEFAULT_STYLE);
    });

    it('refuses a style the schema does not allow and keeps the stored one', async () => {
      const { chats, subscriptions } = stores();
      const { topic } = await topicWithFeed(stores());
      await chats.ensure(telegramChat('1'));
      await subscriptions.save(input('telegram:1', topic.id, compact));
      await expect(subscriptions.save(input('telegram:1', topic.id, { ...compact, quotes: 4 }))).rejects.toThrow();
      await expect(
        subscriptions.save(input('telegram:1', topic.id, { ...compact, format: 'tiny' as 'full' })),
      ).rejects.toThrow();
      expect((await subscriptions.find('telegram:1', topic.id))?.style).toEqual(compact);
    });
  });
}
