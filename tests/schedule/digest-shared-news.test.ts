import { describe, expect, it } from 'vitest';
import { digestHarness } from '../digest/harness.js';
import { insertCluster, insertStory, insertTopic } from '../helpers/story-fixtures.js';

describe('the due-digest job reading each topic once for every watermark', () => {
  it('sends every chat the digest a preview of that chat alone shows, whatever its watermark', async () => {
    const h = digestHarness();
    const [harbour, city] = [insertTopic(h.db, 'harbour'), insertTopic(h.db, 'city')];
    const spread = insertCluster(h.db);
    const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 6, minute)).toISOString();
    const story = (minute: number, extra: { clusterId?: number; source?: string; topicIds?: number[] } = {}) =>
      insertStory(h.db, {
        topicIds: [harbour],
        arrivedAt: at(minute),
        headline: `Harbour story ${minute}`,
        keyQuotes: [{ text: `We said it at minute ${minute}`, speaker: 'Mayor Jane Doe' }],
        ...extra,
      });
    const ids = [
      story(1),
      story(2, { clusterId: spread, source: 'First Outlet' }),
      story(3, { topicIds: [harbour, city] }),
      story(4, { clusterId: spread, source: 'Second Outlet' }),
      story(5),
      story(6, { clusterId: spread, source: 'Third Outlet' }),
      story(7, { topicIds: [city] }),
    ];
    // Chats listed out of id order, each after a different story: some between the event's outlets.
    const chats: string[] = [];
    for (const index of [6, 1, 5, 0, 3, 2, 4]) {
      const chat = await h.chat(`telegram:${900 - index}`);
      const subscription = await h.subscribe(chat, harbour);
      h.db.prepare(`UPDATE subscriptions SET watermark = ? WHERE id = ?`).run(ids[index]! - 1, subscription.id);
      if (index % 2 === 0) await h.subscribe(chat, city);
      chats.push(chat);
    }
    h.db.prepare(`UPDATE subscriptions SET watermark = ? WHERE topic_id = ?`).run(ids[0]! - 1, city);
    // One chat already has the event's first outlet: the event must stay out of its digest.
    await h.stores.digests.commit({
      chatId: chats[0]!,
      at: at(10),
      messages: [],
      deliveries: [{ storyId: ids[1]!, subscriptionId: null }],
      advances: [],
    });

    h.clock.set('2025-03-03T08:00:00Z');
    const expected = new Map<string, string[]>();
    for (const chat of chats) {
      const digest = await h.actions.preview(chat, null, h.clock.now());
      expected.set(
        chat,
        digest ? h.recorder.messenger.renderDigest(digest).map((message) => JSON.stringify(message)) : [],
      );
    }
    expect(await h.job.runDue()).toMatchObject({ due: 11, digests: 7, failed: 0 });
    for (const chat of chats) {
      const queued = h.db
        .prepare(`SELECT payload FROM outbox WHERE chat_id = ? ORDER BY id`)
        .all(chat)
        .map((row) => (row as { payload: string }).payload);
      expect(queued, chat).toEqual(expected.get(chat));
    }
    expect(expected.get(chats[0]!)!.join('')).not.toContain('Harbour story 2');
  });
});
