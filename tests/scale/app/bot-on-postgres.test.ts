import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { createApp, type App } from '../../../src/main.js';
import { createConsoleMessenger } from '../../../src/platforms/console/console-messenger.js';
import { CONSOLE_CHAT } from '../../../src/platforms/console/console-platform.js';
import { quoteIdent } from '../../../src/store/postgres/connect.js';
import { newStory } from '../../store-contract/world.js';
import { typeIntoConsole } from '../../helpers/console-session.js';
import { recordingLogger, tempDir } from '../../helpers/test-app.js';
import { DATABASE_URL, uniqueName } from '../helpers/servers.js';

/**
 * The whole bot over PostgreSQL (issue 12): createApp with DATABASE_URL set migrates a fresh
 * database and runs on it; the console answers as it does over SQLite, and a digest run writes
 * the outbox there.
 */

/** The same URL, naming another database on the same server. */
function urlOf(database: string): string {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const LINES = [
  '/topic create harbour Harbour news',
  '/topics',
  '/latest harbour',
  '/subscribe harbour daily 08:00 Europe/London',
  '/subscriptions',
];

/** A feed and two stories of the topic, as ingestion would store them. */
async function seedStories(app: App): Promise<void> {
  const topic = await app.stores.topics.findVisible('harbour', null);
  const feed = await app.stores.feeds.ensure('https://paper.example/harbour.xml', { title: 'Paper' });
  await app.stores.feeds.attach(topic!.id, feed.id, 'test');
  for (const headline of ['Harbour bridge reopens after repairs', 'Ferry timetable changes for winter']) {
    await app.stores.stories.add(
      newStory(feed.id, [topic!.id], {
        headline,
        key: `harbour:${headline}`,
        url: `https://paper.example/${headline.split(' ')[0]!.toLowerCase()}`,
        publishedAt: '2026-11-20T09:00:00.000Z',
        keyQuotes: [{ text: `${headline}, said the harbour master`, speaker: 'Harbour master', paragraph: 0 }],
      }),
    );
  }
}

/** Topic, stories, the console's answers, then a due digest run: the same steps on either backend. */
async function botSession(app: App) {
  const created = await typeIntoConsole(app, LINES.slice(0, 1));
  await seedStories(app);
  const answers = await typeIntoConsole(app, LINES.slice(1));
  // Stories arriving after the subscription are its news; then its time comes.
  const topic = await app.stores.topics.findVisible('harbour', null);
  const feed = await app.stores.feeds.findByUrl('https://paper.example/harbour.xml');
  await app.stores.stories.add(
    newStory(feed!.id, [topic!.id], {
      key: 'harbour:late',
      url: 'https://paper.example/lighthouse',
      headline: 'Lighthouse keeper retires after forty years',
    }),
  );
  const [subscription] = await app.stores.subscriptions.listForChat(CONSOLE_CHAT.id);
  await app.stores.subscriptions.setNextRun(subscription!.id, new Date(Date.now() - 60_000).toISOString());
  app.digest.addMessenger(createConsoleMessenger(new PassThrough()));
  const report = await app.digest.job.runDue();
  const outbox = await app.stores.outbox.chatStatus(CONSOLE_CHAT.id, 5);
  return { created, answers, report, outbox };
}

describe('the bot on PostgreSQL (DATABASE_URL)', () => {
  const database = uniqueName('nb_app');
  const dir = tempDir();
  let app: App;
  beforeAll(async () => {
    await admin((client) => client.query(`CREATE DATABASE ${quoteIdent(database)}`));
    const config = parseConfig({
      DATABASE_URL: urlOf(database),
      DATABASE_PATH: join(dir, 'unused.db'),
      LOG_LEVEL: 'silent',
    });
    app = await createApp(config, recordingLogger());
  });
  afterAll(async () => {
    await app?.close();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
  });

  it('answers /topics, /latest, /subscribe and /subscriptions as on SQLite, and a due digest is written to the outbox', async () => {
    expect(app.pool).toBeDefined();
    expect(app.db).toBeUndefined();
    const onPostgres = await botSession(app);

    const sqlite = await createApp(
      parseConfig({ DATABASE_PATH: join(tempDir(), 'bot.db'), LOG_LEVEL: 'silent' }),
      recordingLogger(),
    );
    const onSqlite = await botSession(sqlite).finally(() => sqlite.close());

    expect(onPostgres.created).toContain("Created topic 'harbour'");
    expect(onPostgres.answers).toContain('harbour — Harbour news');
    expect(onPostgres.answers).toContain('Harbour bridge reopens after repairs');
    expect(onPostgres.answers).toContain('This chat now follows Harbour news (harbour)');
    expect(onPostgres).toEqual(onSqlite);
    expect(onPostgres.report).toMatchObject({ due: 1, digests: 1, failed: 0 });
    expect(onPostgres.outbox.counts.pending).toBeGreaterThan(0);
    // Written in PostgreSQL: the rows are there for any other process to send.
    const { rows } = await app.pool!.query<{ payload: string }>(`SELECT payload FROM outbox WHERE chat_id = $1`, [
      CONSOLE_CHAT.id,
    ]);
    expect(rows.map((row) => row.payload).join('')).toContain('Lighthouse keeper retires after forty years');
    // Nothing was written to the SQLite path.
    expect(existsSync(join(dir, 'unused.db'))).toBe(false);
  });
});
