import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startBot } from '../helpers/bot-process.js';
import { runCli } from '../helpers/cli.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { tempDir } from '../helpers/test-app.js';

let telegram: FakeTelegram | undefined;
let bot: ReturnType<typeof startBot> | undefined;
afterEach(async () => {
  await bot?.stop();
  await telegram?.close();
  bot = telegram = undefined;
});

const item = (n: number): string => `<item>
  <title>Harbour council story number ${n} is agreed</title>
  <link>https://metrics-herald.example/story-${n}</link>
  <guid isPermaLink="false">metrics-herald-${n}</guid>
  <pubDate>Wed, 02 Dec 2026 0${n}:00:00 GMT</pubDate>
  <description>The harbour council agreed plan ${n} on Wednesday after a long night of talks.</description>
</item>`;
const feed = (items: number): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Metrics Herald</title>
<link>https://metrics-herald.example/</link><description>Invented stories for the metrics test.</description>
${Array.from({ length: items }, (_, i) => item(i + 1)).join('\n')}</channel></rss>`;

/** A sample in the Prometheus text, by its full name with labels; NaN when absent. */
const sample = (text: string, name: string): number => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : NaN;
};

it('`newsbrief start` with METRICS_PORT serves /healthz and /metrics, and its counters move with a poll and a delivery', async () => {
  const dir = tempDir();
  const feedPath = join(dir, 'world.xml');
  writeFileSync(feedPath, feed(1));
  writeFileSync(
    join(dir, 'catalogue.json'),
    JSON.stringify({ topics: [{ slug: 'world', name: 'World', description: 'Harbour news', feeds: [feedPath] }] }),
  );
  const env = { DATABASE_PATH: join(dir, 'bot.db'), CATALOGUE_PATH: join(dir, 'catalogue.json') };
  telegram = await startFakeTelegram();
  bot = startBot({
    ...env,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    METRICS_PORT: '0',
  });
  await bot.waitFor(/"msg":"metrics on http:\/\/127\.0\.0\.1:\d+\/metrics/);
  const port = /metrics on http:\/\/127\.0\.0\.1:(\d+)\//.exec(bot.output())![1];
  const get = async (path: string): Promise<Response> => fetch(`http://127.0.0.1:${port}${path}`);
  const scrape = async (): Promise<string> => (await get('/metrics')).text();
  expect(await (await get('/healthz')).json()).toMatchObject({ ok: true, role: 'all' });

  // The first tick polls the catalogue's feed.
  await bot.waitFor(/"polled":1,"failed":0,"newStories":1,"msg":"feeds polled"/);
  const polled = await scrape();
  expect(sample(polled, 'newsbrief_feeds_polled_total')).toBe(1);
  expect(sample(polled, 'newsbrief_feeds_failed_total')).toBe(0);
  expect(sample(polled, 'newsbrief_stories_stored_total')).toBe(1);
  expect(sample(polled, 'newsbrief_outbox_messages{status="sent"}')).toBe(0);
  expect(polled).not.toMatch(/^newsbrief_send_seconds_count/m);

  // A subscription, then a story that arrives after it (stored by a one-shot poll beside the bot).
  const alice = { id: 42, first_name: 'Alice' };
  const chat = { id: 42, type: 'private' as const };
  telegram.userSays(alice, chat, '/subscribe world daily 08:00');
  await telegram.waitForMessages(1, 42);
  writeFileSync(feedPath, feed(2));
  const ingest = await runCli(['ingest', '--once', '--all'], { env });
  expect(ingest.stdout, ingest.stderr).toContain('1 feeds: 1 updated');

  // Sent by hand: through the outbox and the delivery worker, as a scheduled digest goes.
  telegram.userSays(alice, chat, '/digest send');
  await telegram.waitUntil(
    () => telegram!.messagesTo(42).some((message) => message.text.includes('story number 2')),
    'the digest',
  );
  // The worker marks the message sent just after Telegram's answer: scrape until it has.
  let delivered = await scrape();
  const deadline = Date.now() + 10_000;
  while (sample(delivered, 'newsbrief_outbox_messages{status="sent"}') !== 1 && Date.now() < deadline) {
    delivered = await scrape();
  }
  expect(sample(delivered, 'newsbrief_outbox_messages{status="sent"}')).toBe(1);
  expect(sample(delivered, 'newsbrief_outbox_messages{status="pending"}')).toBe(0);
  expect(sample(delivered, 'newsbrief_outbox_messages{status="held"}')).toBe(0);
  expect(sample(delivered, 'newsbrief_send_seconds_count{platform="telegram"}')).toBe(1);
  expect(sample(delivered, 'newsbrief_rate_limited_total{platform="telegram"}') || 0).toBe(0);
}, 60_000);

it('a METRICS_PORT already taken stops the start with a sentence naming the key', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const { port } = taken.address() as AddressInfo;
  try {
    const result = await runCli(['start'], {
      env: { DATABASE_PATH: join(tempDir(), 'bot.db'), METRICS_PORT: String(port) },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`METRICS_PORT: cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
  } finally {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  }
});
