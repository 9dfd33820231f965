import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, onTestFailed } from 'vitest';
import { createPgStores } from '../../../src/store/postgres/index.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { closedPort, startBot } from '../../helpers/bot-process.js';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.js';
import { tempDir } from '../../helpers/test-app.js';
import { createTestSchema, REDIS_URL, schemaUrl, type TestSchema } from '../helpers/servers.js';

/**
 * Issue 12, Telegram's webhook mode with several processes behind one URL: two `newsbrief start`
 * processes on one PostgreSQL, each with its own webhook port, as a load balancer would have them.
 * Telegram posts each update to whichever it reaches; either answers it, from the same database,
 * and neither polls. When one dies the other goes on answering.
 */

let schema: TestSchema;
let telegram: FakeTelegram;
const bots: ReturnType<typeof startBot>[] = [];

beforeEach(async () => {
  schema = await createTestSchema();
  telegram = await startFakeTelegram();
});

afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop('SIGKILL');
  await telegram.close();
  await schema.drop();
});

const alice = { id: 42, first_name: 'Alice' };
let nextUpdate = 1;
const command = (text: string) => ({
  update_id: nextUpdate++,
  message: {
    message_id: nextUpdate,
    date: Math.floor(Date.now() / 1000),
    chat: { id: alice.id, type: 'private', first_name: alice.first_name },
    from: alice,
    text,
    entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }],
  },
});

it('two processes behind one webhook URL each answer the updates posted to them, from one database, and neither polls', async () => {
  await migratePostgres(schema.pool);
  const stores = createPgStores(schema.pool);
  await stores.topics.create({ slug: 'harbour', name: 'Harbour news', communityId: null });

  const dir = tempDir();
  const catalogue = join(dir, 'catalogue.json');
  writeFileSync(catalogue, '{"topics":[]}');
  const ports = [await closedPort(), await closedPort()];
  for (const port of ports) {
    bots.push(
      startBot({
        DATABASE_PATH: join(dir, 'unused.db'),
        DATABASE_URL: schemaUrl(schema.name),
        REDIS_URL,
        CATALOGUE_PATH: catalogue,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example/telegram/hook',
        TELEGRAM_WEBHOOK_PORT: String(port),
        TELEGRAM_WEBHOOK_SECRET: 'one-secret-for-all',
      }),
    );
  }
  onTestFailed(() => {
    for (const [n, bot] of bots.entries()) console.error(`--- process ${n + 1}:\n${bot.output()}`);
  });
  for (const bot of bots) await bot.waitFor(/"mode":"webhook","msg":"telegram bot running"/);
  // Both set the same webhook: whichever started last, Telegram posts to the one URL with the one secret.
  const hooks = telegram.callsOf('setWebhook').map((call) => call.params);
  expect(hooks).toHaveLength(2);
  for (const hook of hooks) {
    expect(hook).toMatchObject({ url: 'https://bot.example/telegram/hook', secret_token: 'one-secret-for-all' });
  }

  const postTo = async (port: number, text: string): Promise<string> => {
    const before = telegram.messagesTo(alice.id).length;
    const response = await fetch(`http://127.0.0.1:${port}/telegram/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'one-secret-for-all' },
      body: JSON.stringify(command(text)),
    });
    expect(response.status).toBe(200);
    const answers = await telegram.waitForMessages(before + 1, alice.id);
    return answers[before]!.text;
  };

  // Subscribed through the first process, listed by the second: one database behind both.
  expect(await postTo(ports[0]!, '/subscribe harbour daily 08:00')).toMatch(
    /^This chat now follows Harbour news \(harbour\): daily 08:00/,
  );
  expect(await postTo(ports[1]!, '/subscriptions')).toMatch(/^This chat follows\nharbour — daily 08:00/);
  expect(await postTo(ports[0]!, '/unsubscribe harbour')).toMatch(/^This chat no longer follows Harbour news/);
  expect(await postTo(ports[1]!, '/subscriptions')).toMatch(/^This chat follows no topics yet/);

  // One process dies: the other still takes every update sent its way.
  await bots[0]!.stop('SIGKILL');
  expect(await postTo(ports[1]!, '/subscribe harbour weekly mon 09:00')).toMatch(
    /^This chat now follows Harbour news \(harbour\): weekly mon 09:00/,
  );
  expect(await stores.subscriptions.listForChat('telegram:42')).toHaveLength(1);

  expect(telegram.callsOf('getUpdates')).toEqual([]);
}, 60_000);
