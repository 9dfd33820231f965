import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, expect, it, onTestFailed } from 'vitest';
import { startBot } from '../../helpers/bot-process.js';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.js';
import { tempDir } from '../../helpers/test-app.js';
import { DATABASE_URL } from '../helpers/servers.js';

/**
 * Two `newsbrief start` processes of one bot on one PostgreSQL, each talking to its own fake Bot
 * API (so the fake shows which process calls getUpdates). Telegram allows one long-poller per bot:
 * the advisory lock picks it, and the other takes over when the holder is killed.
 */

/** getUpdates answered or being held open: a process is polling this fake. */
const polled = (fake: FakeTelegram): boolean => fake.waitingPolls() > 0 || fake.callsOf('getUpdates').length > 0;

let bots: ReturnType<typeof startBot>[] = [];
const fakes: FakeTelegram[] = [];
afterEach(async () => {
  for (const bot of bots) await bot.stop('SIGKILL');
  bots = [];
  for (const fake of fakes.splice(0)) await fake.close();
});

/** Fakes of one bot (the lock is named after its id, database-wide: an id of this run only). */
async function fakesOfOneBot(count: number): Promise<FakeTelegram[]> {
  const token = `${randomInt(100_000_000, 999_999_999)}:TEST-token-for-the-polling-lock-test`;
  const started = bots;
  // The processes' own words, when something goes wrong.
  onTestFailed(() => {
    for (const [n, bot] of started.entries()) console.error(`--- process ${n + 1}:\n${bot.output()}`);
  });
  for (let n = 0; n < count; n++) fakes.push(await startFakeTelegram({ token }));
  return [...fakes];
}

function start(fake: FakeTelegram) {
  const bot = startBot({
    DATABASE_PATH: join(tempDir(), 'bot.db'),
    DATABASE_URL,
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_POLL_LOCK_RETRY_MS: '200',
    LOG_LEVEL: 'debug',
  });
  bots.push(bot);
  return bot;
}

const TAKEN = /"msg":"telegram polling lock taken: this process polls Telegram"/;
const WAITING = /"msg":"another process polls Telegram; waiting for its lock"/;

it('only the process holding the lock calls getUpdates; SIGKILL it and the other takes over and answers', async () => {
  const [first, second] = (await fakesOfOneBot(2)) as [FakeTelegram, FakeTelegram];

  const holder = start(first);
  await holder.waitFor(TAKEN);
  await first.waitUntil(() => polled(first), 'the first process polling');

  const standby = start(second);
  await standby.waitFor(WAITING);
  // Three more tries, each refused while the first process lives.
  await standby.waitFor(/"msg":"telegram polling lock still held elsewhere"/, 3);
  expect(polled(second)).toBe(false);
  // It is up all the same: it registered its commands and can deliver (REST needs no lock).
  expect(second.callsOf('setMyCommands').length).toBeGreaterThan(0);
  expect(standby.output()).not.toMatch(/lock taken/);

  await holder.stop('SIGKILL');
  await standby.waitFor(TAKEN);
  await second.waitUntil(() => polled(second), 'the second process polling');
  const alice = { id: 42, first_name: 'Alice' };
  second.userSays(alice, { id: 42, type: 'private' }, '/topics');
  const [answer] = await second.waitForMessages(1, 42);
  expect(answer!.text).toMatch(/topics/i);
}, 60_000);

it('a process stopped with SIGTERM exits cleanly, waiting or polling, and the lock goes to the next', async () => {
  const [first, second, third] = (await fakesOfOneBot(3)) as [FakeTelegram, FakeTelegram, FakeTelegram];
  const holder = start(first);
  await holder.waitFor(TAKEN);
  const waiting = start(second);
  await waiting.waitFor(WAITING);
  expect((await waiting.stop('SIGTERM')).code).toBe(0);
  const next = start(third);
  await next.waitFor(WAITING);
  expect((await holder.stop('SIGTERM')).code).toBe(0);
  await next.waitFor(TAKEN);
  await third.waitUntil(() => polled(third), 'the third process polling');
  expect(polled(second)).toBe(false);
}, 60_000);
