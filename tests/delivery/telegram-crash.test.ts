import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduleCalendar } from '../../src/schedule/schedule-calendar.js';
import { openDatabase } from '../../src/store/database.js';
import { createStores } from '../../src/store/index.js';
import { insertStory, insertTopic } from '../helpers/story-fixtures.js';
import { tempDir } from '../helpers/test-app.js';
import { runCrashChild } from './crash-runner.js';
import { startSlowBotApi } from './slow-bot-api.js';

const CHILD = fileURLToPath(new URL('./telegram-crash-child.ts', import.meta.url));
const KILLS = 12;
const CHATS = 20;
const LATENCY_MS = 1500;
const QUOTE = 'We have been saying for years that this would happen, and now that it has, the work starts again. ';

describe('Telegram crash safety: no idempotency key, so doubling is bounded instead', () => {
  let api: Awaited<ReturnType<typeof startSlowBotApi>>;
  beforeAll(async () => (api = await startSlowBotApi(LATENCY_MS)));
  afterAll(async () => api.close());

  it(`loses nothing and doubles at most one message per chat per kill over ${KILLS} SIGKILLs, with a 1.5 s API`, async () => {
    const databasePath = join(tempDir(), 'telegram-crash.db');
    const db = openDatabase(databasePath);
    const stores = createStores(db);
    const calendar = createScheduleCalendar();
    const start = Date.parse('2025-03-03T07:00:00Z');
    const topics = Array.from({ length: 5 }, (_, index) => insertTopic(db, `topic-${index}`));
    const follows = new Map<string, number>();
    for (let chat = 1; chat <= CHATS; chat++) {
      const chatId = `telegram:${chat}`;
      await stores.chats.ensure({ id: chatId, platform: 'telegram', kind: 'private', communityId: null });
      follows.set(chatId, topics[chat % topics.length]!);
      const nextRunAt = calendar.nextRun('daily 08:00', 'UTC', new Date(start)).toISOString();
      await stores.subscriptions.save({
        chatId,
        topicId: follows.get(chatId)!,
        schedule: 'daily 08:00',
        timezone: 'UTC',
        cap: 25,
        nextRunAt,
      });
    }
    // Ten long stories a topic a day: each chat's digest is several Telegram messages.
    const storiesOf = new Map<number, number[]>(topics.map((topic) => [topic, []]));
    const addStories = (day: number): void => {
      for (const topicId of topics) {
        for (let index = 0; index < 10; index++) {
          const keyQuotes = [1, 2, 3].map((n) => ({ text: `${QUOTE.repeat(2)}(${n})`, speaker: `Speaker ${n}` }));
          const id = insertStory(db, { topicIds: [topicId], headline: `day ${day} number ${index}`, keyQuotes });
          db.prepare(`UPDATE stories SET headline = ? WHERE id = ?`).run(`[story ${id}] ${'news '.repeat(30)}`, id);
          storiesOf.get(topicId)!.push(id);
        }
      }
    };

    let seed = 4242;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const killedRuns = new Set<number>();
    let run = 0;
    let ceiling = 4 * LATENCY_MS;
    while (killedRuns.size < KILLS && run < KILLS * 3) {
      addStories(run);
      const now = new Date(start + run * 86_400_000 + 3600_000 + 30_000).toISOString();
      const result = await runCrashChild(CHILD, [databasePath, api.apiRoot(run), now], Math.floor(random() * ceiling));
      if (result.killed) killedRuns.add(run);
      else ceiling = Math.max(200, ceiling * 0.7);
      run++;
    }
    const last = new Date(start + run * 86_400_000 + 3600_000 + 30_000).toISOString();
    expect(await runCrashChild(CHILD, [databasePath, api.apiRoot(run), last], null)).toEqual({
      phase: 'done',
      killed: false,
    });

    // Every sendMessage counts: a message received again later was unconfirmed when its run died.
    // Chats following one topic get the same text, so a message is (chat, text).
    const receipts = new Map<string, { run: number; chatId: string; text: string }[]>();
    for (const received of api.received) {
      const key = `${received.chatId}\n${received.text}`;
      receipts.set(key, [...(receipts.get(key) ?? []), received]);
    }
    const doubledIn = new Map<string, number>();
    for (const sends of receipts.values()) {
      for (const { run: by, chatId } of sends.slice(0, -1)) {
        expect(killedRuns.has(by), `a message was sent twice though run ${by} was not killed`).toBe(true);
        const key = `run ${by} ${chatId}`;
        doubledIn.set(key, (doubledIn.get(key) ?? 0) + 1);
      }
    }
    const worst = Math.max(0, ...doubledIn.values());
    let lost = 0;
    for (const [chatId, topicId] of follows) {
      const shown = new Set(
        [...receipts.values()]
          .filter((sends) => sends[0]!.chatId === chatId.slice('telegram:'.length))
          .flatMap((sends) => [...sends[0]!.text.matchAll(/\[story (\d+)\]/g)].map((match) => Number(match[1]))),
      );
      lost += storiesOf.get(topicId)!.filter((id) => !shown.has(id)).length;
    }
    const duplicates = api.received.length - receipts.size;
    console.log(
      `telegram crash test: ${killedRuns.size} SIGKILLs over ${run + 1} runs; ${api.received.length} sendMessage calls, ${receipts.size} distinct messages; ` +
        `lost=${lost} duplicates=${duplicates} (at most ${worst} per chat in one killed run)`,
    );
    expect(lost).toBe(0);
    expect(worst).toBeLessThanOrEqual(1);
    expect(duplicates).toBeLessThanOrEqual(killedRuns.size * CHATS);
    // The fake can see a doubling: a kill during a 1.5 s answer leaves one to see.
    expect(duplicates).toBeGreaterThan(0);
    expect(killedRuns.size).toBe(KILLS);
    expect(await stores.outbox.counts()).toMatchObject({ pending: 0, held: 0, failed: 0 });
    db.close();
  }, 600_000);
});
