import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduleCalendar } from '../../src/schedule/schedule-calendar.js';
import { openDatabase } from '../../src/store/database.js';
import { createStores } from '../../src/store/index.js';
import { insertStory, insertTopic } from '../helpers/story-fixtures.js';
import { tempDir } from '../helpers/test-app.js';
import { runCrashChild } from './crash-runner.js';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const KILLS = 20;

/** The fake platform: records every message it receives, and shows a message once per idempotency key. */
async function startFakePlatform() {
  const received: { chatId: string; key: string; text: string }[] = [];
  const shown = new Map<string, { chatId: string; text: string }>();
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const message = JSON.parse(Buffer.concat(chunks).toString()) as { chatId: string; key: string; text: string };
      received.push(message);
      if (!shown.has(message.key)) shown.set(message.key, { chatId: message.chatId, text: message.text });
      // Accepted at once, answered a little later: a kill in between leaves a sent message unmarked.
      setTimeout(() => response.writeHead(200).end('{}'), 2 + Math.floor(random() * 8));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    received,
    shown,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('crash safety', () => {
  let fake: Awaited<ReturnType<typeof startFakePlatform>>;
  beforeAll(async () => (fake = await startFakePlatform()));
  afterAll(async () => fake.close());

  it('delivers every due digest exactly once across 20 SIGKILLs at random moments', async () => {
    const databasePath = join(tempDir(), 'crash.db');
    const db = openDatabase(databasePath);
    const stores = createStores(db);
    const calendar = createScheduleCalendar();
    const start = Date.parse('2025-03-03T07:00:00Z');
    const topics = Array.from({ length: 20 }, (_, index) => insertTopic(db, `topic-${index}`));
    // 200 subscriptions: 100 chats following one topic, 50 following two (one digest, two sections).
    const follows = new Map<string, number[]>();
    for (let chat = 1; chat <= 150; chat++) {
      const chatId = `telegram:${chat}`;
      await stores.chats.ensure({ id: chatId, platform: 'telegram', kind: 'private', communityId: null });
      const followed = chat <= 100 ? [topics[chat % 20]!] : [topics[chat % 20]!, topics[(chat + 7) % 20]!];
      follows.set(chatId, followed);
      for (const topicId of followed) {
        const nextRunAt = calendar.nextRun('daily 08:00', 'UTC', new Date(start)).toISOString();
        await stores.subscriptions.save({
          chatId,
          topicId,
          schedule: 'daily 08:00',
          timezone: 'UTC',
          cap: 25,
          nextRunAt,
        });
      }
    }
    const storiesOf = new Map<number, number[]>(topics.map((topic) => [topic, []]));
    const addStories = (day: number): void => {
      for (const topicId of topics) {
        for (let index = 0; index < 2; index++) {
          const id = insertStory(db, { topicIds: [topicId], headline: `day ${day} topic ${topicId} number ${index}` });
          db.prepare(`UPDATE stories SET headline = ? WHERE id = ?`).run(`[story ${id}] ${'news '.repeat(12)}`, id);
          storiesOf.get(topicId)!.push(id);
        }
      }
    };

    let seed = 99;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Each day brings new stories and a due digest for every subscription; a run is killed at a
    // random moment after its first send started. A run that finished before its kill is followed
    // by another, killed sooner.
    const kills: string[] = [];
    let day = 0;
    let ceiling = 800;
    while (kills.length < KILLS && day < KILLS * 2) {
      addStories(day);
      const now = new Date(start + day * 86_400_000 + 3600_000 + 30_000).toISOString(); // 08:00:30 on day `day`
      const result = await runCrashChild(CHILD, [databasePath, fake.url, now], Math.floor(random() * ceiling));
      if (result.killed) kills.push(`killed while ${result.phase}`);
      else ceiling = Math.max(50, ceiling * 0.7);
      day++;
    }
    const last = new Date(start + day * 86_400_000 + 3600_000 + 30_000).toISOString();
    expect(await runCrashChild(CHILD, [databasePath, fake.url, last], null)).toEqual({ phase: 'done', killed: false });

    // What each chat was shown: every story id, counted over the messages it received once per key.
    const shownTo = new Map<string, number[]>();
    for (const { chatId, text } of fake.shown.values()) {
      const ids = [...text.matchAll(/\[story (\d+)\]/g)].map((match) => Number(match[1]));
      shownTo.set(chatId, [...(shownTo.get(chatId) ?? []), ...ids]);
    }
    let lost = 0;
    let duplicated = 0;
    for (const [chatId, followed] of follows) {
      const expected = new Set(followed.flatMap((topic) => storiesOf.get(topic)!));
      const shown = shownTo.get(chatId) ?? [];
      lost += [...expected].filter((id) => !shown.includes(id)).length;
      duplicated += shown.length - new Set(shown).size;
    }
    const resent = fake.received.length - fake.shown.size;
    const phases = [...new Set(kills)]
      .map((kind) => `${kills.filter((kill) => kill === kind).length} ${kind}`)
      .join(', ');
    console.log(
      `crash test: ${kills.length} SIGKILLs over ${day} runs (${phases}); ${fake.shown.size} messages, ${[...shownTo.values()].flat().length} story deliveries; ` +
        `lost=${lost} duplicated=${duplicated}; re-sent in the at-least-once window (shown once thanks to the idempotency key): ${resent}`,
    );
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(kills).toHaveLength(KILLS);
    expect(await stores.outbox.counts()).toMatchObject({ pending: 0, held: 0, failed: 0 });
    db.close();
  }, 300_000);
});
