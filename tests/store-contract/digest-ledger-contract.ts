import { describe, expect, it } from 'vitest';
import type { DigestCommit } from '../../src/core/digest/ports.js';
import type { Stores } from '../../src/store/index.js';
import { telegramChat, topicWithFeed, useStores, type StoresFactory } from './world.js';

const SLOT = '2025-03-03T08:00:00.000Z';
const NEXT = '2025-03-04T08:00:00.000Z';

/** A chat subscribed to a topic with three stories, and the commit of its digest. */
async function dueDigest(stores: Stores, chat = '1') {
  const { topic, add } = await topicWithFeed(stores, `topic-${chat}`);
  await stores.chats.ensure(telegramChat(chat));
  const chatId = `telegram:${chat}`;
  const { subscription } = await stores.subscriptions.save({
    chatId,
    topicId: topic.id,
    schedule: 'daily 08:00',
    timezone: 'UTC',
    cap: 8,
    nextRunAt: SLOT,
  });
  const stories = [await add(), await add(), await add()];
  const plan = (key = `digest:${subscription.id}@${SLOT}`): DigestCommit => ({
    chatId,
    at: SLOT,
    messages: [
      { key: `${key}#1`, payload: '{"part":1}' },
      { key: `${key}#2`, payload: '{"part":2}' },
    ],
    deliveries: stories.map((story) => ({ storyId: story.id, subscriptionId: subscription.id })),
    advances: [
      { subscriptionId: subscription.id, watermark: stories[2]!.id, nextRunAt: NEXT, expectedNextRunAt: SLOT },
    ],
  });
  /** What the commit writes, as the other stores read it. */
  const state = async () => ({
    outbox: (await stores.outbox.chatStatus(chatId, 10)).counts,
    keys: (await stores.outbox.pending(100)).filter((m) => m.chatId === chatId).map((m) => m.idempotencyKey),
    delivered: [
      ...(await stores.digests.deliveredAmong(
        chatId,
        stories.map((story) => story.id),
      )),
    ].sort((a, b) => a - b),
    subscription: await stores.subscriptions.find(chatId, topic.id),
  });
  return { topic, add, chatId, subscription, stories, plan, state };
}

export function digestLedgerContract(factory: StoresFactory): void {
  describe('digest ledger', () => {
    const stores = useStores(factory);

    it('writes a digest’s messages, deliveries, watermark and next run together, or nothing when its slot was already planned', async () => {
      const { digests } = stores();
      const d = await dueDigest(stores());
      expect(await digests.commit(d.plan())).toBe(true);
      const after = await d.state();
      expect(after).toEqual({
        outbox: { pending: 2, sent: 0, held: 0, failed: 0 },
        keys: [`digest:${d.subscription.id}@${SLOT}#1`, `digest:${d.subscription.id}@${SLOT}#2`],
        delivered: d.stories.map((story) => story.id),
        subscription: { ...d.subscription, watermark: d.stories[2]!.id, nextRunAt: NEXT },
      });
      // Planned again (a second run, a restart that read the old row): nothing changes.
      expect(await digests.commit(d.plan())).toBe(false);
      // The same slot under new keys: the next run moved on, so nothing is written either.
      expect(await digests.commit(d.plan('again'))).toBe(false);
      expect(await d.state()).toEqual(after);
    });

    it('writes nothing when the next run differs from the one the plan expected, whatever else is new', async () => {
      const { digests, subscriptions } = stores();
      const d = await dueDigest(stores());
      await subscriptions.setNextRun(d.subscription.id, '2025-03-03T09:00:00.000Z');
      const before = await d.state();
      expect(await digests.commit(d.plan())).toBe(false);
      expect(await d.state()).toEqual(before);
      expect(before).toMatchObject({ keys: [], delivered: [], subscription: { watermark: d.subscription.watermark } });
    });

    it('writes nothing when one message key of the plan is already queued', async () => {
      const { digests } = stores();
      const d = await dueDigest(stores());
      await digests.commit({
        chatId: d.chatId,
        at: SLOT,
        messages: [{ key: 'x#2', payload: '{}' }],
        deliveries: [],
        advances: [],
      });
      const plan = d.plan('x');
      expect(
        await digests.commit({ ...plan, advances: [{ ...plan.advances[0]!, expectedNextRunAt: undefined }] }),
      ).toBe(false);
      expect(await d.state()).toMatchObject({ keys: ['x#2'], delivered: [], subscription: d.subscription });
    });

    it('lets exactly one of several commits expecting the same next run write', async () => {
      const { digests } = stores();
      const d = await dueDigest(stores());
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((key) => digests.commit(d.plan(key))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await d.state()).outbox.pending).toBe(2);
    });

    it('never moves a watermark back, and keeps the next run when the plan does not give one', async () => {
      const { digests } = stores();
      const d = await dueDigest(stores());
      const advance = { subscriptionId: d.subscription.id, watermark: d.stories[2]!.id };
      await digests.commit({ chatId: d.chatId, at: SLOT, messages: [], deliveries: [], advances: [advance] });
      await digests.commit({
        chatId: d.chatId,
        at: SLOT,
        messages: [],
        deliveries: [{ storyId: d.stories[0]!.id, subscriptionId: null }],
        advances: [{ ...advance, watermark: d.stories[0]!.id }],
      });
      expect((await d.state()).subscription).toEqual({ ...d.subscription, watermark: d.stories[2]!.id });
      // A delivery recorded twice is recorded once.
      expect(
        await digests.commit({
          chatId: d.chatId,
          at: SLOT,
          messages: [],
          deliveries: [{ storyId: d.stories[0]!.id, subscriptionId: d.subscription.id }],
          advances: [],
        }),
      ).toBe(true);
      expect(await digests.deliveredSince(d.chatId, 0)).toEqual(new Map([[d.stories[0]!.id, null]]));
    });

    it('queues a digest for a paused chat as held', async () => {
      const { digests, deliveryControl } = stores();
      const d = await dueDigest(stores());
      await deliveryControl.pause(d.chatId, 'blocked', new Date(SLOT));
      expect(await digests.commit(d.plan())).toBe(true);
      expect((await d.state()).outbox).toEqual({ pending: 0, sent: 0, held: 2, failed: 0 });
    });

    it('keeps every commit of a batch, a conflicting one writing nothing', async () => {
      const { digests } = stores();
      const one = await dueDigest(stores(), '1');
      const two = await dueDigest(stores(), '2');
      const results = await digests.batch(async () => [
        await digests.commit(one.plan()),
        await digests.commit(one.plan('late')),
        await digests.commit(two.plan()),
      ]);
      expect(results).toEqual([true, false, true]);
      expect((await one.state()).keys).toHaveLength(2);
      expect((await two.state()).subscription?.nextRunAt).toBe(NEXT);
    });

    it('rolls a whole batch back when its work fails: commits and other stores’ writes inside it', async () => {
      const { digests, subscriptions } = stores();
      const one = await dueDigest(stores(), '1');
      const two = await dueDigest(stores(), '2');
      const before = [await one.state(), await two.state()];
      await expect(
        digests.batch(async () => {
          expect(await digests.commit(one.plan())).toBe(true);
          await subscriptions.setNextRun(two.subscription.id, '2025-03-03T09:00:00.000Z');
          expect(await digests.commit(two.plan())).toBe(false);
          throw new Error('the disk filled up');
        }),
      ).rejects.toThrow('the disk filled up');
      expect([await one.state(), await two.state()]).toEqual(before);
      // The same digests commit afterwards: nothing of the failed batch is left to conflict with.
      expect(await digests.commit(one.plan())).toBe(true);
    });

    it('undoes only a nested batch that fails, keeping the rest of the outer batch', async () => {
      const { digests } = stores();
      const one = await dueDigest(stores(), '1');
      const two = await dueDigest(stores(), '2');
      const before = await two.state();
      await digests.batch(async () => {
        await digests.batch(() => digests.commit(one.plan()));
        await digests
          .batch(async () => {
            await digests.commit(two.plan());
            throw new Error('this chat’s schedule cannot be read');
          })
          .catch(() => undefined);
      });
      expect((await one.state()).keys).toHaveLength(2);
      expect(await two.state()).toEqual(before);
    });
  });
}
