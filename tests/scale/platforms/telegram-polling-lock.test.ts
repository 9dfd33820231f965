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

it('only the process holding the lock calls getUpdates; SIGKILL it and the other takes over and answers', async () => {
  // A bot id of this run only: the lock is named after it, database-wide.
  const token = `${randomInt(100_000_000, 999_999_999)}:TEST-token-for-the-polling-lock-test`;
  // The processes' own words, when something goes wrong.
  const started = bots;
  onTestFailed(() => {
    for (const [n, bot] of started.entries()) console.error(`--- process ${n + 1}:\n${bot.output()}`);
  });
  const [first, second] = [await startFakeTelegram({ token }), await startFakeTelegram({ token })];
  fakes.push(first, second);
  const start = (fake: FakeTelegram) => {
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
  };

  const holder = start(first);
  await holder.waitFor(/"msg":"telegram polling lock taken: this process polls Telegram"/);
  await first.waitUntil(() => polled(first), 'the first process polling');

  const standby = start(second);
  await standby.waitFor(/"msg":"another process polls Telegram; waiting for its lock"/);
  // Three more tries, each refused while the first process lives.
  await standby.waitFor(/"msg":"telegram polling lock still held elsewhere"/, 3);
  expect(polled(second)).toBe(false);
  // It is up all the same: it registered its commands and can deliver (REST needs no lock).
  expect(second.callsOf('setMyCommands').length).toBeGreaterThan(0);
  expect(standby.output()).not.toMatch(/lock taken/);

  await holder.stop('SIGKILL');
  await standby.waitFor(/"msg":"telegram polling lock taken: this process polls Telegram"/);
  await second.waitUntil(() => polled(second), 'the second process polling');
  const alice = { id: 42, first_name: 'Alice' };
  second.userSays(alice, { id: 42, type: 'private' }, '/topics');
  const [answer] = await second.waitForMessages(1, 42);
  expect(answer!.text).toMatch(/topics/i);
}, 60_000);
