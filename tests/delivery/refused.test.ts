import { describe, expect, it } from 'vitest';
import { digestHarness } from '../digest/harness.js';

/** Queues `count` one-line messages for the chat, as a digest would. */
async function queue(h: ReturnType<typeof digestHarness>, chatId: string, count: number): Promise<void> {
  await h.stores.digests.commit({
    chatId,
    at: h.clock.now().toISOString(),
    messages: Array.from({ length: count }, (_, index) => ({
      key: `${chatId}#${index + 1}`,
      payload: JSON.stringify({ platform: 'telegram', body: { text: `${chatId} part ${index + 1}` } }),
    })),
    deliveries: [],
    advances: [],
  });
}

const rows = (h: ReturnType<typeof digestHarness>, chatId: string) =>
  h.db
    .prepare(`SELECT status, attempts, last_error AS error FROM outbox WHERE chat_id = ? ORDER BY id`)
    .all(chatId) as { status: string; attempts: number; error: string | null }[];

describe('a message the platform refuses', () => {
  it('fails that message with the reason, once, and the chat’s next messages go on', async () => {
    const h = digestHarness();
    const chat = await h.chat('telegram:1');
    await queue(h, chat, 3);
    h.recorder.script(chat, { ok: false, kind: 'refused', error: '400: Bad Request: message is too long' });
    await h.worker.drain();
    expect(h.recorder.sends.map((send) => [send.text, send.result.ok])).toEqual([
      ['telegram:1 part 1', false],
      ['telegram:1 part 2', true],
      ['telegram:1 part 3', true],
    ]);
    expect(rows(h, chat)).toEqual([
      { status: 'failed', attempts: 1, error: 'refused by the platform: 400: Bad Request: message is too long' },
      { status: 'sent', attempts: 1, error: null },
      { status: 'sent', attempts: 1, error: null },
    ]);
    expect((await h.stores.chats.get(chat))!.pausedAt).toBeNull();
    expect(h.worker.stats()).toMatchObject({ failed: 1, sent: 2 });
    expect(h.logger.entries.some((entry) => entry.level === 'warn' && /message failed/.test(entry.msg ?? ''))).toBe(
      true,
    );
    // Woken again, the failed message is not tried again.
    await h.worker.drain();
    expect(h.recorder.sends).toHaveLength(3);
  });

  it('gives a message that keeps failing a bounded number of attempts with backoff, then fails it and goes on', async () => {
    const h = digestHarness({ worker: { maxAttempts: 4 } });
    const chat = await h.chat('telegram:1');
    await queue(h, chat, 2);
    const failing = { ok: false, kind: 'transient', error: '502: Bad Gateway' } as const;
    h.recorder.script(chat, failing, failing, failing, failing);
    const start = h.clock.now().getTime();
    h.recorder.respondWith(() => ({ ok: true }));
    for (let round = 0; round < 10 && (await h.stores.outbox.counts()).pending > 0; round++) {
      await h.worker.drain();
      const next = (await h.stores.outbox.pending(1))[0];
      if (next) h.clock.set(next.nextAttemptAt);
    }
    const attempts = h.recorder.sends.filter((send) => send.text === 'telegram:1 part 1');
    expect(attempts).toHaveLength(4);
    expect(rows(h, chat)).toEqual([
      { status: 'failed', attempts: 4, error: 'gave up after 4 attempts: 502: Bad Gateway' },
      { status: 'sent', attempts: 1, error: null },
    ]);
    // 5 s, 10 s, 20 s between the attempts: backoff, not a tight loop.
    expect(h.clock.now().getTime() - start).toBeGreaterThanOrEqual(35_000);
  });
});
