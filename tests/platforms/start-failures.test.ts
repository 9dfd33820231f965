import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, startBot } from '../helpers/bot-process.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { tempDir } from '../helpers/test-app.js';

/** `newsbrief start` when a platform cannot start: it says why, keeps the others, and stops on a signal. */

const bots: ReturnType<typeof startBot>[] = [];
let fakes: { telegram?: FakeTelegram; discord?: FakeDiscord } = {};
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop('SIGKILL');
  await fakes.telegram?.close();
  await fakes.discord?.close();
  fakes = {};
});

function catalogue(dir: string): string {
  const path = join(dir, 'catalogue.json');
  writeFileSync(path, '{"topics":[]}');
  return path;
}

const TELEGRAM_TOKEN = '123456:TEST-token-for-the-fake-telegram-api';

describe('newsbrief start with a platform that cannot start', () => {
  it('retries an unreachable Telegram API with a log line per attempt, and stops within 10 s on SIGTERM', async () => {
    const dir = tempDir();
    const apiRoot = `http://127.0.0.1:${await closedPort()}/api`;
    const bot = startBot({
      LOG_LEVEL: 'info',
      DATABASE_PATH: join(dir, 'bot.db'),
      CATALOGUE_PATH: catalogue(dir),
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
    });
    bots.push(bot);
    const attempt = new RegExp(`telegram: connecting to ${apiRoot.replace(/[.]/g, '\\.')} \\(attempt \\d+ of \\d+\\)`);
    // Two attempts: the first failed, was logged with its reason, and the retry came after a wait.
    await bot.waitFor(attempt, 2, 60_000);
    expect(bot.output()).toMatch(/telegram: cannot start through .*cannot connect \(ECONNREFUSED\)\); retrying in 2 s/);
    const { code, ms } = await bot.stop('SIGTERM');
    expect(code, bot.output()).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(bot.output()).not.toMatch(/\n\s+at /); // sentences, not stack traces
  }, 90_000);

  it('keeps Telegram answering while Discord refuses its token, retries Discord and names DISCORD_TOKEN', async () => {
    const telegram = await startFakeTelegram();
    const discord = await startFakeDiscord();
    fakes = { telegram, discord };
    const dir = tempDir();
    const bot = startBot({
      LOG_LEVEL: 'info',
      DATABASE_PATH: join(dir, 'bot.db'),
      CATALOGUE_PATH: catalogue(dir),
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      // Shaped like a token, but not the one the fake Discord accepts: it answers 401.
      DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gwrong.not-the-token-the-local-discord-wants',
      DISCORD_API_ROOT: discord.apiRoot,
    });
    bots.push(bot);
    await telegram.waitForCalls('deleteWebhook', 1, 60_000);
    telegram.userSays({ id: 42, first_name: 'Alice' }, { id: 42, type: 'private' }, '/topics');
    const [answer] = await telegram.waitForMessages(1, 42, 30_000);
    expect(answer!.text).toMatch(/topics/i);
    // Discord was refused, said so naming the key, and is tried again.
    await bot.waitFor(
      /discord refused DISCORD_TOKEN \(the token is not valid\): check DISCORD_TOKEN in \.env; retrying in/,
      1,
      60_000,
    );
    await bot.waitFor(/discord: connecting to .* \(attempt 2 of \d+\)/, 1, 60_000);
    const { code, ms } = await bot.stop('SIGINT');
    expect(code, bot.output()).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(bot.output()).not.toMatch(/\n\s+at /);
  }, 120_000);
});
