import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { closedPort, startBot } from '../../helpers/bot-process.js';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.js';
import { tempDir } from '../../helpers/test-app.js';

let telegram: FakeTelegram | undefined;
let bot: ReturnType<typeof startBot> | undefined;
afterEach(async () => {
  await bot?.stop();
  await telegram?.close();
  bot = telegram = undefined;
});

const alice = { id: 42, first_name: 'Alice' };
const command = (updateId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: 0,
    chat: { id: alice.id, type: 'private', first_name: alice.first_name },
    from: alice,
    text,
    entities: [{ type: 'bot_command', offset: 0, length: text.length }],
  },
});

it('`newsbrief start` in webhook mode sets the webhook with its secret, answers an update posted with it, and refuses (401) and ignores one without', async () => {
  telegram = await startFakeTelegram();
  const port = await closedPort();
  bot = startBot({
    DATABASE_PATH: join(tempDir(), 'bot.db'),
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_URL: 'https://bot.example/telegram/5f2c9e',
    TELEGRAM_WEBHOOK_PORT: String(port),
    TELEGRAM_WEBHOOK_SECRET: 'the-hook-secret',
  });
  await bot.waitFor(/"mode":"webhook","msg":"telegram bot running"/);
  const [setWebhook] = telegram.callsOf('setWebhook');
  expect(setWebhook!.params).toMatchObject({
    url: 'https://bot.example/telegram/5f2c9e',
    secret_token: 'the-hook-secret',
  });
  const post = (secret: string, update: unknown) =>
    fetch(`http://127.0.0.1:${port}/telegram/5f2c9e`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(update),
    });

  expect((await post('a-guess', command(1, '/topics'))).status).toBe(401);
  expect((await post('the-hook-secret', command(2, '/help'))).status).toBe(200);
  const [answer, ...more] = await telegram.waitForMessages(1, alice.id);
  // Only the update with the secret was handled: the /help answer, and no list of topics.
  expect(answer!.text).toMatch(/\/subscribe/);
  expect(more).toEqual([]);
  expect(telegram.messagesTo(alice.id)).toHaveLength(1);
  expect(telegram.callsOf('getUpdates')).toEqual([]);
  expect(telegram.waitingPolls()).toBe(0);
});
