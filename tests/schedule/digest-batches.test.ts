import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DigestStorageError, type DigestLedger } from '../../src/core/digest/ports.js';
import { createDigestJob } from '../../src/schedule/digest-job.js';
import { createScheduleCalendar } from '../../src/schedule/schedule-calendar.js';
import { openDatabase } from '../../src/store/database.js';
import { createStores } from '../../src/store/index.js';
import { fakeClock } from '../digest/harness.js';
import { insertStory, insertTopic } from '../helpers/story-fixtures.js';
import { recordingMessenger } from '../helpers/recording-messenger.js';
import { recordingLogger, tempDir } from '../helpers/test-app.js';

const CHATS = 10;
const BATCH = 3;

/** Ten chats each due a one-message digest of the same three stories, over a database file. */
async function world(ledgerFor: (real: DigestLedger) => DigestLedger = (real) => real) {
  const path = join(tempDir(), 'digests.db');
  const db = openDatabase(path);
  const stores = createStores(db);
  const clock = fakeClock('2025-03-03T07:00:00Z');
  const calendar = createScheduleCalendar();
  const topic = insertTopic(db, 'world');
  const chats: { id: string; subscription: number }[] = [];
  for (let index = 0; index < CHATS; index++) {
    const id = `telegram:${100 + index}`;
    await stores.chats.ensure({ id, platform: 'telegram', kind: 'private', communityId: null });
    const { subscription } = await stores.subscriptions.save({
      chatId: id,
      topicId: topic,
      schedule: 'daily 08:00',
      timezone: 'UTC',
      cap: 8,
      nextRunAt: '2025-03-03T08:00:00.000Z',
    });
    chats.push({ id, subscription: subscription.id });
  }
  const stories = ['Bridge opens', 'Ferry strike', 'Storm warning'].map((headline) =>
    insertStory(db, { topicIds: [topic], headline }),
  );
  const recorder = recordingMessenger({ platform: 'telegram' });
  const job = (ledger: DigestLedger) =>
    createDigestJob({
      subscriptions: stores.subscriptions,
      source: stores.digests,
      ledger,
      calendar,
      messengerFor: (platform) => (platform === 'telegram' ? recorder.messenger : undefined),
      clock,
      logger: recordingLogger(),
      chatsPerBatch: BATCH,
    });
  // What another connection sees: only what was committed.
  const reader = openDatabase(path);
  const count = (sql: string): number => (reader.prepare(sql).get() as { n: number }).n;
  const committed = () => ({
    outbox: count(`SELECT count(*) AS n FROM outbox`),
    deliveredChats: count(`SELECT count(DISTINCT chat_id) AS n FROM deliveries`),
    advanced: count(`SELECT count(*) AS n FROM subscriptions WHERE watermark >= ${Math.max(...stories)}`),
    rescheduled: count(`SELECT count(*) AS n FROM subscriptions WHERE next_run_at > '2025-03-03T08:00:00.000Z'`),
  });
  const chatState = (chatId: string) => ({
    outbox: count(`SELECT count(*) AS n FROM outbox WHERE chat_id = '${chatId}'`),
    deliveries: count(`SELECT count(*) AS n FROM deliveries WHERE chat_id = '${chatId}'`),
    advanced: count(
      `SELECT count(*) AS n FROM subscriptions WHERE chat_id = '${chatId}' AND watermark >= ${Math.max(...stories)}
         AND next_run_at = '2025-03-04T08:00:00.000Z'`,
    ),
  });
  clock.set('2025-03-03T08:00:00Z');
  return {
    chats,
    committed,
    chatState,
    run: () => job(ledgerFor(stores.digests)).runDue(),
    rerun: () => job(stores.digests).runDue(),
  };
}

describe('the digest job in batches', () => {
  it('commits each batch of chats as it goes, each whole: outbox, deliveries, watermarks and next runs together', async () => {
    const w = await world();
    const seen: ReturnType<typeof w.committed>[] = [];
    let running = true;
    const watch = (): void => {
      seen.push(w.committed());
      if (running) setImmediate(watch);
    };
    watch();
    const report = await w.run();
    running = false;
    expect(report).toMatchObject({ due: CHATS, digests: CHATS, messages: CHATS });
    seen.push(w.committed());
    const outboxCounts = [...new Set(seen.map((state) => state.outbox))];
    // Seen between batches: 3, 6 and 9 chats written, never a part of a batch.
    expect(outboxCounts).toEqual([0, 3, 6, 9, 10]);
    for (const state of seen) {
      expect(state.deliveredChats).toBe(state.outbox);
      expect(state.advanced).toBe(state.outbox);
      expect(state.rescheduled).toBe(state.outbox);
    }
  });

  it('keeps the batches written before a storage failure and leaves the failed batch and later ones untouched', async () => {
    let commits = 0;
    // The real SQLite ledger, whose eighth commit meets a full disk.
    const w = await world((real) => ({
      batch: (work) => real.batch(work),
      commit(plan) {
        if (++commits === 8) throw new DigestStorageError('database or disk is full');
        return real.commit(plan);
      },
    }));
    await expect(w.run()).rejects.toThrow(DigestStorageError);
    const done = { outbox: 1, deliveries: 3, advanced: 1 };
    const untouched = { outbox: 0, deliveries: 0, advanced: 0 };
    // Batches 1 and 2 (chats 1-6) were written; batch 3 (chat 7 written, chat 8 failing) rolled back whole.
    expect(w.chats.map((chat) => w.chatState(chat.id))).toEqual([
      ...Array.from({ length: 6 }, () => done),
      ...Array.from({ length: CHATS - 6 }, () => untouched),
    ]);
    expect(w.committed()).toMatchObject({ outbox: 6, rescheduled: 6 });

    // The next run plans what was not written, and only that.
    expect(await w.rerun()).toMatchObject({ due: CHATS - 6, digests: CHATS - 6 });
    expect(w.chats.map((chat) => w.chatState(chat.id))).toEqual(Array.from({ length: CHATS }, () => done));
  });
});
