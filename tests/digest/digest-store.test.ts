import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { createStores } from '../../src/store/index.js';
import { insertCluster, insertStory, insertTopic } from '../helpers/story-fixtures.js';

async function setup() {
  const db = openDatabase(':memory:');
  const stores = createStores(db);
  await stores.chats.ensure({ id: 'telegram:1', platform: 'telegram', kind: 'private', communityId: null });
  return { db, stores, digests: stores.digests };
}

describe('the digest store', () => {
  it('reads a topic’s pushable stories after the watermark, the watermark moving past first-poll ones too', async () => {
    const { db, digests } = await setup();
    const world = insertTopic(db, 'world');
    const other = insertTopic(db, 'other');
    const old = insertStory(db, { topicIds: [world] });
    const fresh = insertStory(db, { topicIds: [world], headline: 'Fresh' });
    insertStory(db, { topicIds: [other] });
    const firstPoll = insertStory(db, { topicIds: [world], eligible: false });
    const news = await digests.newStories(world, old);
    expect(news.stories.map((story) => [story.id, story.headline])).toEqual([[fresh, 'Fresh']]);
    expect(news.maxId).toBe(firstPoll);
    expect(await digests.newStories(world, firstPoll)).toEqual({ stories: [], maxId: firstPoll });
  });

  it('finds older coverage of a cluster and what a chat already received', async () => {
    const { db, digests } = await setup();
    const world = insertTopic(db, 'world');
    const cluster = insertCluster(db);
    const first = insertStory(db, { topicIds: [world], clusterId: cluster });
    const second = insertStory(db, { topicIds: [world], clusterId: cluster });
    expect(await digests.earlierClusterMembers([cluster], first)).toEqual(new Map([[cluster, [first]]]));
    await digests.commit({
      chatId: 'telegram:1',
      at: '2025-03-03T08:00:00Z',
      messages: [],
      deliveries: [{ storyId: first, subscriptionId: null }],
      advances: [],
    });
    expect(await digests.deliveredSince('telegram:1', 0)).toEqual(new Map([[first, cluster]]));
    expect(await digests.deliveredSince('telegram:1', first)).toEqual(new Map());
    expect(await digests.deliveredAmong('telegram:1', [first, second])).toEqual(new Set([first]));
  });

  it('writes a digest’s messages, deliveries and watermark together, or nothing when its slot was already planned', async () => {
    const { db, stores, digests } = await setup();
    const world = insertTopic(db, 'world');
    const story = insertStory(db, { topicIds: [world] });
    const { subscription } = await stores.subscriptions.save({
      chatId: 'telegram:1',
      topicId: world,
      schedule: 'daily 08:00',
      timezone: 'UTC',
      cap: 8,
      nextRunAt: '2025-03-03T08:00:00.000Z',
    });
    const plan = {
      chatId: 'telegram:1',
      at: '2025-03-03T08:00:00.000Z',
      messages: [{ key: `digest:${subscription.id}@2025-03-03T08:00:00.000Z#1`, payload: '{}' }],
      deliveries: [{ storyId: story, subscriptionId: subscription.id }],
      advances: [
        {
          subscriptionId: subscription.id,
          watermark: story,
          nextRunAt: '2025-03-04T08:00:00.000Z',
          expectedNextRunAt: '2025-03-03T08:00:00.000Z',
        },
      ],
    };
    const snapshot = async () => ({
      outbox: db.prepare(`SELECT idempotency_key, status FROM outbox`).all(),
      deliveries: db.prepare(`SELECT chat_id, story_id FROM deliveries`).all(),
      subscription: await stores.subscriptions.find('telegram:1', world),
    });
    expect(await digests.commit(plan)).toBe(true);
    const after = await snapshot();
    expect(after.outbox).toEqual([{ idempotency_key: plan.messages[0]!.key, status: 'pending' }]);
    expect(after.subscription).toMatchObject({ watermark: story, nextRunAt: '2025-03-04T08:00:00.000Z' });
    // Planned again (a second run, a restart that read the old row): nothing changes.
    expect(await digests.commit(plan)).toBe(false);
    expect(
      await digests.commit({
        ...plan,
        advances: plan.advances.map((advance) => ({ ...advance, expectedNextRunAt: '2025-03-04T08:00:00.000Z' })),
      }),
    ).toBe(false);
    expect(await snapshot()).toEqual(after);
  });

  it('queues a digest for a paused chat as held', async () => {
    const { stores, digests, db } = await setup();
    await stores.deliveryControl.pause('telegram:1', 'blocked', new Date());
    await digests.commit({
      chatId: 'telegram:1',
      at: '2025-03-03T08:00:00Z',
      messages: [{ key: 'manual#1', payload: '{}' }],
      deliveries: [],
      advances: [],
    });
    expect(db.prepare(`SELECT status FROM outbox`).all()).toEqual([{ status: 'held' }]);
  });
});
