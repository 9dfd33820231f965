import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { tempDir } from '../helpers/test-app.js';

let fakes: { telegram?: FakeTelegram; discord?: FakeDiscord } = {};
afterEach(async () => {
  await fakes.telegram?.close();
  await fakes.discord?.close();
  fakes = {};
});

it('`newsbrief start` with both tokens runs Discord and Telegram, answers on each, and stops cleanly on SIGTERM', async () => {
  const telegram = await startFakeTelegram();
  const discord = await startFakeDiscord({
    guilds: [{ id: '500', name: 'Readers', channels: [{ id: '600', name: 'news', type: 0 }] }],
  });
  fakes = { telegram, discord };
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'warn',
      DATABASE_PATH: join(tempDir(), 'bot.db'),
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_ROOT: discord.apiRoot,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await discord
      .waitForIdentify(20_000)
      .catch((error: Error) => Promise.reject(new Error(`${error.message}\n${output}`)));
    await telegram.waitForCalls('deleteWebhook', 1, 20_000);
    telegram.userSays({ id: 42, first_name: 'Alice' }, { id: 42, type: 'private' }, '/topics');
    const [answer] = await telegram.waitForMessages(1, 42, 10_000);
    expect(answer!.text).toMatch(/topics/i);
    const id = discord.interact({
      name: 'topics',
      guildId: '500',
      channelId: '600',
      user: { id: '7001', username: 'alice' },
    });
    const [reply] = await discord.waitForResponses(id, 1, 10_000);
    expect(reply!.status).toBe(204);
    expect(discord.registered.global).not.toBeNull();
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = (await once(child, 'exit')) as [number | null];
  expect(output).not.toMatch(/"level":(50|60)/);
  expect(code).toBe(0);
}, 40_000);
