import { describe, expect, it } from 'vitest';
import type { SharedPacer } from '../../src/limits/shared-pacer.js';
import { digestHarness } from '../digest/harness.js';
import { insertStory, insertTopic } from '../helpers/story-fixtures.js';

/** Queues `count` one-line messages for the chat, as a digest would, and returns their texts. */
async function queue(
  h: ReturnType<typeof digestHarness>,
  chatId: string,
  count: number,
  tag = chatId,
): Promise<string[]> {
  const texts = Array.from({ length: count }, (_, index) => `${tag} part ${index + 1}`);
  await h.stores.digests.commit({
    chatId,
    at: h.clock.now().toISOString(),
    messages: texts.map((text, index) => ({
      key: `${tag}#${index + 1}`,
      payload: JSON.stringify({ platform: 'telegram', body: { text } }),
    })),
    deliveries: [],
    advances: [],
  });
  return texts;
}

const statusOf = (h: ReturnType<typeof digestHarness>, chatId: string): string[] =>
  (h.db.prepare(`SELECT status FROM outbox WHERE chat_id = ? ORDER BY id`).all(chatId) as { status: string }[]).map(
    (row) => row.status,
  );

describe('the delivery worker', () => {
  it('sends each chat’s messages in order, several chats at once, one per second per Telegram chat', async () => {
    const h = digestHarness();
    const chats = await Promise.all(['telegram:1', 'telegram:2', 'telegram:3'].map((id) => h.chat(id)));
    const expected = [];
    for (const chat of chats) expected.push(await queue(h, chat, 3));
    const at: Record<string, number[]> = {};
    let inFlight = 0;
    let most = 0;
    h.recorder.respondWith(async (chatId) => {
      (at[chatId] ??= []).push(h.clock.now().getTime());
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      return { ok: true };
    });
    await h.worker.drain();
    for (const [index, chat] of chats.entries()) {
      expect(h.recorder.delivered(chat).map((send) => send.text)).toEqual(expected[index]);
      const times = at[chat]!;
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
      expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1000);
    }
    expect(most).toBe(3);
    expect(await h.stores.outbox.counts()).toMatchObject({ pending: 0, sent: 9 });
  });

  it('waits out a 429 that still comes, counts it, and sends the message after retry_after', async () => {
    const h = digestHarness();
    const chat = await h.chat('telegram:1');
    await queue(h, chat, 2);
    h.recorder.script(chat, { ok: false, kind: 'rate-limited', retryAfterMs: 3000, error: '429' });
    const started = h.clock.now().getTime();
    const times: number[] = [];
    h.recorder.respondWith(() => (times.push(h.clock.now().getTime()), { ok: true }));
    await h.worker.drain();
    expect(h.recorder.sends.map((send) => [send.text, send.result.ok])).toEqual([
      ['telegram:1 part 1', false],
      ['telegram:1 part 1', true],
      ['telegram:1 part 2', true],
    ]);
    expect(times[0]! - started).toBeGreaterThanOrEqual(3000);
    expect(h.worker.stats()).toMatchObject({ rateLimited: 1, sent: 2 });
  });

  it('holds every process’s sends after a 429 of the platform’s limit, only the chat’s after one the platform says was the chat’s', async () => {
    const blocks = async (scope: 'chat' | 'platform' | undefined): Promise<string[]> => {
      const blocked: string[] = [];
      // The limits shared with other processes, as the worker sees them: every send may go, and
      // what the worker holds is recorded.
      const sharedPacer: SharedPacer = {
        reserve: async () => ({ release: async () => {} }),
        tryReserve: async () => ({ ticket: { release: async () => {} } }),
        block: async (key) => void blocked.push(key),
        close: async () => {},
      };
      const h = digestHarness({ worker: { sharedPacer } });
      const chat = await h.chat('telegram:1');
      await queue(h, chat, 1);
      h.recorder.script(chat, { ok: false, kind: 'rate-limited', retryAfterMs: 3000, error: '429', scope });
      await h.worker.drain();
      expect(h.recorder.delivered(chat)).toHaveLength(1);
      return blocked;
    };
    expect(await blocks('chat')).toEqual(['telegram:chat:telegram:1']);
    expect(await blocks('platform')).toEqual(['telegram', 'telegram:chat:telegram:1']);
    // A platform that does not say which limit it was: the platform's, the safe side.
    expect(await blocks(undefined)).toEqual(['telegram', 'telegram:chat:telegram:1']);
  });

  it('keeps a message through transient failures, retrying with exponential backoff, the chat’s order kept', async () => {
    const h = digestHarness();
    const chat = await h.chat('telegram:1');
    await queue(h, chat, 2);
    h.recorder.script(
      chat,
      { ok: false, kind: 'transient', error: '502 Bad Gateway' },
      { ok: false, kind: 'transient', error: 'timeout' },
    );
    const start = h.clock.now().getTime();
    await h.worker.drain();
    const retryAt = () =>
      Date.parse(
        (h.db.prepare(`SELECT next_attempt_at FROM outbox ORDER BY id LIMIT 1`).get() as { next_attempt_at: string })
          .next_attempt_at,
      );
    expect(retryAt() - start).toBe(5000);
    expect(h.recorder.delivered()).toHaveLength(0);
    h.clock.advance(5000);
    await h.worker.drain();
    expect(retryAt() - h.clock.now().getTime()).toBe(10_000);
    h.clock.advance(10_000);
    await h.worker.drain();
    expect(h.recorder.delivered(chat).map((send) => send.text)).toEqual(['telegram:1 part 1', 'telegram:1 part 2']);
    expect(h.db.prepare(`SELECT attempts FROM outbox ORDER BY id`).all()).toEqual([{ attempts: 3 }, { attempts: 1 }]);
    expect(h.worker.stats().transientFailures).toBe(2);
  });

  it('pauses a chat on a permanent error: its messages set aside, its moderators told, the others unaffected; /resume sends them', async () => {
    const h = digestHarness();
    const blocked = await h.chat('telegram:-100500', 'group');
    const other = await h.chat('telegram:2');
    await queue(h, blocked, 3);
    await queue(h, other, 1);
    h.recorder.script(blocked, {
      ok: false,
      kind: 'permanent',
      error: 'Forbidden: bot was kicked from the group chat',
    });
    await h.worker.drain();
    const chat = (await h.stores.chats.get(blocked))!;
    expect(chat.pausedAt).not.toBeNull();
    expect(chat.pausedReason).toContain('bot was kicked');
    expect(statusOf(h, blocked)).toEqual(['held', 'held', 'held']);
    expect(h.recorder.paused).toEqual([{ chatId: blocked, reason: expect.stringContaining('bot was kicked') }]);
    expect(h.recorder.delivered(other)).toHaveLength(1);
    // Nothing more is tried while paused, even when woken.
    await h.worker.drain();
    expect(h.recorder.sends.filter((send) => send.chatId === blocked)).toHaveLength(1);

    expect(await h.actions.resume(blocked, h.clock.now())).toEqual({ released: 3 });
    await h.worker.drain();
    expect(h.recorder.delivered(blocked).map((send) => send.text)).toEqual([
      'telegram:-100500 part 1',
      'telegram:-100500 part 2',
      'telegram:-100500 part 3',
    ]);
    expect((await h.stores.chats.get(blocked))!.pausedAt).toBeNull();
  });

  it('follows a Telegram group upgraded to a supergroup: messages, subscriptions and deliveries move to the new id', async () => {
    const h = digestHarness();
    const world = insertTopic(h.db, 'world');
    const old = await h.chat('telegram:-500', 'group');
    await h.subscribe(old, world);
    insertStory(h.db, { topicIds: [world], headline: 'Harbour reopens' });
    h.clock.set('2025-03-03T08:00:00Z');
    await h.job.runDue();
    h.recorder.script(old, {
      ok: false,
      kind: 'migrated',
      newChatId: 'telegram:-1009999',
      error: 'upgraded to a supergroup',
    });
    await h.worker.drain();
    expect(h.recorder.delivered().map((send) => send.chatId)).toEqual(['telegram:-1009999']);
    expect(await h.stores.subscriptions.listForChat('telegram:-1009999')).toHaveLength(1);
    expect(await h.stores.subscriptions.listForChat(old)).toHaveLength(0);
    expect(h.db.prepare(`SELECT chat_id FROM deliveries`).all()).toEqual([{ chat_id: 'telegram:-1009999' }]);
    expect(h.worker.stats().migratedChats).toBe(1);
  });

  it('does not send a message held by a pause that came while it waited', async () => {
    const h = digestHarness();
    const chat = await h.chat('telegram:1');
    await queue(h, chat, 3);
    h.recorder.respondWith(async (chatId) => {
      if (h.recorder.sends.length === 0) await h.actions.pause(chatId, 'paused by a moderator', h.clock.now());
      return { ok: true };
    });
    await h.worker.drain();
    expect(h.recorder.delivered(chat)).toHaveLength(1);
    expect(statusOf(h, chat)).toEqual(['sent', 'held', 'held']);
  });
});
