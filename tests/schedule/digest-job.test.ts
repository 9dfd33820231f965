import { describe, expect, it } from 'vitest';
import { digestHarness } from '../digest/harness.js';
import { insertCluster, insertStory, insertTopic } from '../helpers/story-fixtures.js';

const watermarkOf = (h: ReturnType<typeof digestHarness>, id: number): number =>
  (h.db.prepare(`SELECT watermark FROM subscriptions WHERE id = ?`).get(id) as { watermark: number }).watermark;

describe('the due-digest job', () => {
  it('queues a due digest of the stories after the watermark, then moves watermark and next run', async () => {
    const h = digestHarness();
    const world = insertTopic(h.db, 'world');
    insertStory(h.db, { topicIds: [world], headline: 'Old news, before the subscription' });
    const chat = await h.chat('telegram:100');
    const subscription = await h.subscribe(chat, world, 'daily 08:00', 'Europe/London');
    const ids = ['Bridge opens', 'Ferry strike', 'Storm warning'].map((headline) =>
      insertStory(h.db, { topicIds: [world], headline }),
    );

    h.clock.set('2025-03-03T07:59:00Z');
    expect((await h.job.runDue()).due).toBe(0);
    h.clock.set('2025-03-03T08:00:00.020Z');
    expect(await h.job.runDue()).toMatchObject({ due: 1, digests: 1, messages: 1 });
    expect(await h.job.runDue()).toMatchObject({ due: 0 });
    await h.worker.drain();

    const [sent] = h.recorder.delivered(chat);
    expect(h.recorder.delivered()).toHaveLength(1);
    expect(sent!.text).toContain('• Bridge opens');
    expect(sent!.text).toContain('• Storm warning');
    expect(sent!.text).not.toContain('Old news');
    expect(sent!.key).toBe(`digest:${subscription.id}@2025-03-03T08:00:00.000Z#1`);
    expect(watermarkOf(h, subscription.id)).toBe(Math.max(...ids));
    expect((await h.stores.subscriptions.find(chat, world))?.nextRunAt).toBe('2025-03-04T08:00:00.000Z');
  });

  it('reads only what is due: subscriptions not due are not planned', async () => {
    const h = digestHarness();
    const topics = ['a', 'b', 'c'].map((slug) => insertTopic(h.db, slug));
    await h.subscribe(await h.chat('telegram:1'), topics[0]!, 'daily 08:00');
    await h.subscribe(await h.chat('telegram:2'), topics[1]!, 'daily 09:00');
    await h.subscribe(await h.chat('telegram:3'), topics[2]!, 'weekly fri 08:00');
    const read: number[] = [];
    const newStories = h.stores.digests.newStories;
    h.stores.digests.newStories = async (topicId, after) => (read.push(topicId), await newStories(topicId, after));
    h.clock.set('2025-03-03T08:00:05Z');
    expect((await h.job.runDue()).due).toBe(1);
    expect(read).toEqual([topics[0]]);
  });

  it('sends topics due in the same minute as one digest, a section each, a story in both topics once', async () => {
    const h = digestHarness();
    const [world, europe] = [insertTopic(h.db, 'world'), insertTopic(h.db, 'europe')];
    const chat = await h.chat('telegram:100');
    await h.subscribe(chat, world);
    await h.subscribe(chat, europe);
    insertStory(h.db, { topicIds: [world, europe], headline: 'Summit in Brussels' });
    insertStory(h.db, { topicIds: [europe], headline: 'Rail strike in France' });
    insertStory(h.db, { topicIds: [world], headline: 'Quake in Chile' });
    h.clock.set('2025-03-03T08:00:00Z');
    expect(await h.job.runDue()).toMatchObject({ due: 2, digests: 1 });
    await h.worker.drain();
    const text = h.recorder
      .delivered(chat)
      .map((send) => send.text)
      .join('\n');
    expect(text.match(/Summit in Brussels/g)).toHaveLength(1);
    expect(text).toContain('Rail strike in France');
    expect(text).toContain('Quake in Chile');
    expect(h.recorder.delivered()).toHaveLength(1);
  });

  it('never sends a chat a story it already had through another subscription, nor another outlet’s copy of it', async () => {
    const h = digestHarness();
    const [world, europe] = [insertTopic(h.db, 'world'), insertTopic(h.db, 'europe')];
    const chat = await h.chat('telegram:100');
    await h.subscribe(chat, world, 'daily 08:00');
    await h.subscribe(chat, europe, 'daily 09:00');
    const cluster = insertCluster(h.db);
    insertStory(h.db, {
      topicIds: [world, europe],
      headline: 'Summit in Brussels',
      clusterId: cluster,
      source: 'Wire',
    });
    h.clock.set('2025-03-03T08:00:00Z');
    await h.job.runDue();
    // Later the same event from another outlet, in the other topic.
    insertStory(h.db, { topicIds: [europe], headline: 'Brussels summit opens', clusterId: cluster, source: 'Daily' });
    insertStory(h.db, { topicIds: [europe], headline: 'Rail strike in France' });
    h.clock.set('2025-03-03T09:00:00Z');
    await h.job.runDue();
    await h.worker.drain();
    const texts = h.recorder.delivered(chat).map((send) => send.text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Summit in Brussels');
    expect(texts[1]).toContain('Rail strike in France');
    expect(texts[1]).not.toMatch(/Brussels/);
  });

  it('sends no empty digest and never pushes a feed’s first-poll stories, yet moves on', async () => {
    const h = digestHarness();
    const world = insertTopic(h.db, 'world');
    const chat = await h.chat('telegram:100');
    const subscription = await h.subscribe(chat, world);
    const firstPoll = insertStory(h.db, { topicIds: [world], eligible: false });
    h.clock.set('2025-03-03T08:00:00Z');
    expect(await h.job.runDue()).toMatchObject({ due: 1, digests: 0, empty: 1 });
    await h.worker.drain();
    expect(h.recorder.sends).toHaveLength(0);
    expect(watermarkOf(h, subscription.id)).toBe(firstPoll);
    expect((await h.stores.outbox.counts()).pending).toBe(0);
  });

  it('sends a digest missed during downtime once at start, then keeps to the schedule', async () => {
    const h = digestHarness();
    const world = insertTopic(h.db, 'world');
    const chat = await h.chat('telegram:100');
    await h.subscribe(chat, world, 'daily 08:00');
    insertStory(h.db, { topicIds: [world], headline: 'Before the outage' });
    h.clock.set('2025-03-06T10:15:00Z'); // three daily slots missed
    expect(await h.job.runDue()).toMatchObject({ due: 1, digests: 1 });
    expect(await h.job.runDue()).toMatchObject({ due: 0 });
    expect((await h.stores.subscriptions.find(chat, world))?.nextRunAt).toBe('2025-03-07T08:00:00.000Z');
    await h.worker.drain();
    expect(h.recorder.delivered()).toHaveLength(1);
  });

  it('caps a section at the subscription’s cap, best first, closing with "+K more — /latest <topic>"', async () => {
    const h = digestHarness();
    const world = insertTopic(h.db, 'world');
    const chat = await h.chat('telegram:100');
    await h.subscribe(chat, world, 'daily 08:00', 'UTC', 3);
    for (let index = 0; index < 7; index++) {
      insertStory(h.db, {
        topicIds: [world],
        headline: `Story ${index}`,
        publishedAt: `2025-03-03T0${index}:00:00.000Z`,
      });
    }
    h.clock.set('2025-03-03T08:00:00Z');
    await h.job.runDue();
    await h.worker.drain();
    const text = h.recorder.delivered(chat)[0]!.text;
    expect(text.match(/^• .*/gm)).toEqual(['• Story 6', '• Story 5', '• Story 4']);
    expect(text).toContain('+4 more — /latest world');
  });

  it('builds nothing for a paused chat: its watermark stays, its next run moves on', async () => {
    const h = digestHarness();
    const world = insertTopic(h.db, 'world');
    const chat = await h.chat('telegram:100');
    const subscription = await h.subscribe(chat, world);
    insertStory(h.db, { topicIds: [world] });
    await h.actions.pause(chat, 'paused by test', h.clock.now());
    h.clock.set('2025-03-03T08:00:00Z');
    expect(await h.job.runDue()).toMatchObject({ due: 1, paused: 1, digests: 0 });
    expect(watermarkOf(h, subscription.id)).toBe(subscription.watermark);
    expect((await h.stores.subscriptions.find(chat, world))?.nextRunAt).toBe('2025-03-04T08:00:00.000Z');
    expect(await h.stores.outbox.counts()).toMatchObject({ pending: 0, held: 0 });
  });

  it('waits for a platform that is not running, and writes nothing for its chats', async () => {
    const h = digestHarness({ platform: 'telegram' });
    const world = insertTopic(h.db, 'world');
    await h.subscribe(await h.chat('discord:123456789012345678', 'channel'), world);
    insertStory(h.db, { topicIds: [world] });
    h.clock.set('2025-03-03T08:00:00Z');
    expect(await h.job.runDue()).toMatchObject({ due: 0 });
    expect((await h.stores.outbox.counts()).pending).toBe(0);
  });

  it('splits a long digest into parts between entries, each with its own idempotency key', async () => {
    const h = digestHarness({ limit: 400 });
    const world = insertTopic(h.db, 'world');
    const chat = await h.chat('telegram:100');
    const subscription = await h.subscribe(chat, world);
    for (let index = 0; index < 6; index++)
      insertStory(h.db, { topicIds: [world], headline: `Headline number ${index} ${'x'.repeat(60)}` });
    h.clock.set('2025-03-03T08:00:00Z');
    const report = await h.job.runDue();
    expect(report.messages).toBeGreaterThan(1);
    await h.worker.drain();
    const sends = h.recorder.delivered(chat);
    expect(sends.map((send) => send.key)).toEqual(
      sends.map((_, index) => `digest:${subscription.id}@2025-03-03T08:00:00.000Z#${index + 1}`),
    );
    expect(sends.every((send) => send.text.length <= 400)).toBe(true);
    expect(sends.flatMap((send) => send.text.match(/^• .*/gm) ?? [])).toHaveLength(6);
  });
});
