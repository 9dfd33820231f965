import { randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it, onTestFailed } from 'vitest';
import { createPgStores } from '../../../src/store/postgres/index.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { startBot } from '../../helpers/bot-process.js';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.js';
import { tempDir } from '../../helpers/test-app.js';
import { newStory } from '../../store-contract/world.js';
import { createTestSchema, schemaUrl, type TestSchema } from '../helpers/servers.js';

/**
 * `newsbrief start --role gateway|worker` (issue 12): one gateway and two workers of one bot on one
 * PostgreSQL. Each process talks to a fake Bot API of its own (same token), so the fakes show who
 * did what: the gateway answers the chat, the workers poll the feed and send the due digest.
 */

let schema: TestSchema;
let feedServer: Server;
let feedHits = 0;
const fakes: FakeTelegram[] = [];
const bots: ReturnType<typeof startBot>[] = [];

beforeEach(async () => {
  schema = await createTestSchema();
  feedHits = 0;
  feedServer = createServer((_request, response) => {
    feedHits++;
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Gazette</title>
<item><title>Pier lights switched on for the winter</title><link>https://harbour.example/pier</link><guid>pier</guid></item>
</channel></rss>`);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop('SIGKILL');
  for (const fake of fakes.splice(0)) await fake.close();
  await new Promise<void>((resolve) => feedServer.close(() => resolve()));
  await schema.drop();
});

it('a gateway answers the chat while two workers poll the feed once and send the due digest once', async () => {
  const feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/harbour.xml`;
  // The community as it stands: a topic with a feed and news since a chat's subscription, due now.
  await migratePostgres(schema.pool);
  const stores = createPgStores(schema.pool);
  const topic = await stores.topics.create({ slug: 'harbour', name: 'Harbour news', communityId: null });
  const feed = await stores.feeds.ensure(feedUrl);
  await stores.feeds.attach(topic.id, feed.id, 'test');
  await stores.chats.ensure({ id: 'telegram:42', platform: 'telegram', kind: 'private', communityId: null });
  await stores.subscriptions.save({
    chatId: 'telegram:42',
    topicId: topic.id,
    schedule: 'daily 08:00',
    timezone: 'UTC',
    cap: 8,
    nextRunAt: '2026-01-01T08:00:00.000Z',
  });
  for (const headline of ['Ferry timetable gains a late sailing', 'Lifeboat crew thanked by the town']) {
    await stores.stories.add(newStory(feed.id, [topic.id], { headline, arrivedAt: new Date().toISOString() }));
  }

  const token = `${randomInt(100_000_000, 999_999_999)}:TEST-token-for-the-gateway-and-workers`;
  for (let n = 0; n < 3; n++) fakes.push(await startFakeTelegram({ token }));
  const [gatewayApi, ...workerApis] = fakes as [FakeTelegram, FakeTelegram, FakeTelegram];
  const dir = tempDir();
  const catalogue = join(dir, 'catalogue.json');
  writeFileSync(catalogue, '{"topics":[]}');
  const env = (fake: FakeTelegram) => ({
    DATABASE_PATH: join(dir, 'unused.db'),
    DATABASE_URL: schemaUrl(schema.name),
    CATALOGUE_PATH: catalogue,
    ALLOW_PRIVATE_FEEDS: 'true',
    TELEGRAM_BOT_TOKEN: token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    LOG_LEVEL: 'debug',
  });
  const gateway = startBot(env(gatewayApi), 'start', ['--role', 'gateway']);
  const workers = workerApis.map((fake) => startBot(env(fake), 'start', ['--role', 'worker']));
  bots.push(gateway, ...workers);
  onTestFailed(() => {
    for (const [n, bot] of bots.entries()) console.error(`--- process ${n + 1}:\n${bot.output()}`);
  });
  await gateway.waitFor(/"role":"gateway".*"msg":"newsbrief running"/);
  for (const worker of workers) await worker.waitFor(/"role":"worker".*"msg":"newsbrief running"/);

  // The due digest goes out once, from a worker: a gateway sends no digests.
  await Promise.race(workerApis.map((fake) => fake.waitForMessages(1, 42, 30_000)));
  const digests = workerApis.flatMap((fake) => fake.messagesTo(42));
  expect(digests).toHaveLength(1);
  expect(digests[0]!.text).toContain('Ferry timetable gains a late sailing');
  expect(digests[0]!.text).toContain('Lifeboat crew thanked by the town');

  // The gateway answers commands; the workers never ask Telegram for updates.
  const alice = { id: 42, first_name: 'Alice' };
  await gatewayApi.waitUntil(() => gatewayApi.waitingPolls() > 0, 'the gateway polling');
  gatewayApi.userSays(alice, { id: 42, type: 'private' }, '/subscriptions');
  const [answer] = await gatewayApi.waitForMessages(1, 42);
  expect(answer!.text).toContain('harbour');
  for (const fake of workerApis) expect(fake.callsOf('getUpdates')).toEqual([]);

  // The feed was due once; one worker took it (either: they start together and race for it).
  await Promise.any(workers.map((worker) => worker.waitFor(/feeds polled|"msg":"due digests planned"/)));
  await expect.poll(() => feedHits, { timeout: 20_000 }).toBe(1);
  expect(gatewayApi.messagesTo(42)).toHaveLength(1);
  for (const bot of bots.splice(0)) expect((await bot.stop('SIGTERM')).code).toBe(0);
  expect(feedHits).toBe(1);
}, 90_000);

it('refuses --role worker or gateway without DATABASE_URL, and an unknown role, in one sentence', async () => {
  const worker = startBot(
    {
      DATABASE_PATH: join(tempDir(), 'bot.db'),
      TELEGRAM_BOT_TOKEN: '123456789:TEST-token-for-the-gateway-and-workers',
    },
    'start',
    ['--role', 'worker'],
  );
  const [code] = await worker.exited;
  expect(code).toBe(1);
  expect(worker.output()).toContain(
    '--role worker shares the work with other processes through PostgreSQL: set DATABASE_URL',
  );
  const odd = startBot({ DATABASE_PATH: join(tempDir(), 'bot.db') }, 'start', ['--role', 'janitor']);
  expect((await odd.exited)[0]).toBe(2);
  expect(odd.output()).toContain('--role must be one of all, gateway, worker (not janitor)');
});
