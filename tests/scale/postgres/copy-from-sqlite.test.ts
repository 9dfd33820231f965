import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStores, openDatabase } from '../../../src/store/index.js';
import { COPY_ORDER, copyFromSqlite } from '../../../src/store/postgres/copy-from-sqlite.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { createTestSchema, type TestSchema } from '../helpers/servers.js';

const quote = { text: 'We will build it', speaker: 'The Mayor', paragraph: 2 };

/** A SQLite database filled through the real stores, as a running bot would have left it. */
async function fillSqlite(path: string): Promise<void> {
  const db = openDatabase(path);
  const stores = createStores(db);
  await stores.meta.set('catalogue-hash', 'abc123');
  const world = await stores.topics.create({ slug: 'world', name: 'World news', communityId: null });
  const local = await stores.topics.create({ slug: 'local', name: 'Local', communityId: 'discord:guild:1' });
  // A person's own feed (migration 005): the same slug as a global topic, owned by a private chat.
  await stores.topics.create({ slug: 'world', name: 'My world', communityId: null, ownerChatId: 'telegram:5' });
  const arrived = '2026-11-30T08:15:00.123Z';
  for (const [index, topic] of [world, local].entries()) {
    const feed = await stores.feeds.ensure(`https://news.example/${topic.slug}.xml`, { title: `Feed ${index}` });
    await stores.feeds.attach(topic.id, feed.id, 'test');
    for (let story = 0; story < 30; story++) {
      await stores.stories.add({
        key: `feed:${feed.id} ${topic.slug}-${story}`,
        feedId: feed.id,
        url: `https://news.example/${topic.slug}/${story}`,
        headline: `Council approves bridge number ${story} in ${topic.slug}`,
        standfirst: null,
        byline: null,
        source: `Feed ${index}`,
        publishedAt: null,
        arrivedAt: arrived,
        tags: ['city'],
        imageUrl: story % 3 === 2 ? `https://img.news.example/${topic.slug}/${story}.jpg` : null,
        quotes: [quote],
        keyQuotes: [quote],
        enriched: true,
        eligibleForDigest: story % 2 === 0,
        topicIds: [topic.id],
      });
    }
  }
  for (const chatId of ['telegram:1', 'discord:2']) {
    const platform = chatId.startsWith('telegram') ? 'telegram' : 'discord';
    await stores.chats.ensure({ id: chatId, platform, kind: 'private', communityId: null });
    await stores.subscriptions.save({
      chatId,
      topicId: world.id,
      schedule: 'daily 08:00',
      timezone: 'Europe/Berlin',
      cap: 5,
      nextRunAt: '2026-12-01T07:00:00.000Z',
      style: { format: 'compact', quotes: 1, previews: true, silent: true, images: false, mentionRoleId: '520520520' },
    });
  }
  db.close();
}

describe('copying a SQLite database into PostgreSQL', () => {
  let dir: string;
  let path: string;
  let schema: TestSchema;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nb-copy-'));
    path = join(dir, 'newsbrief.db');
    await fillSqlite(path);
    schema = await createTestSchema();
    await migratePostgres(schema.pool);
  });
  afterAll(async () => {
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table whole, keeping ids, flags and times, and new ids follow the copied ones', async () => {
    const report = await copyFromSqlite(path, schema.pool);

    const sqlite = openDatabase(path);
    for (const table of COPY_ORDER) {
      const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
      if (!exists) continue;
      const expected = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const copied = await schema.pool.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
      expect({ table, rows: copied.rows[0]!.n }).toEqual({ table, rows: expected });
      expect(report.rows[table]).toBe(expected);
    }
    expect(report.rows.meta).toBe(1);
    expect(report.rows.stories).toBe(60);
    expect(report.rows.quotes).toBeGreaterThanOrEqual(60);

    const story = sqlite.prepare(`SELECT * FROM stories ORDER BY id DESC LIMIT 1`).get() as Record<string, unknown>;
    expect(story.image_url).toBe('https://img.news.example/local/29.jpg');
    const { rows } = await schema.pool.query(`SELECT * FROM stories WHERE id = $1`, [story.id]);
    expect(rows[0]).toEqual({
      ...story,
      enriched: story.enriched === 1,
      eligible_for_digest: story.eligible_for_digest === 1,
    });
    const subscription = sqlite.prepare(`SELECT * FROM subscriptions ORDER BY id LIMIT 1`).get();
    expect((await schema.pool.query(`SELECT * FROM subscriptions ORDER BY id LIMIT 1`)).rows[0]).toEqual({
      ...(subscription as Record<string, unknown>),
      format: 'compact',
      quotes: 1,
      previews: true,
      silent: true,
      images: false,
      mention_role_id: '520520520',
    });
    const topic = sqlite.prepare(`SELECT * FROM topics WHERE slug = 'local'`).get() as Record<string, unknown>;
    expect((await schema.pool.query(`SELECT * FROM topics WHERE slug = 'local'`)).rows[0]).toEqual({
      ...topic,
      from_catalogue: false,
    });
    expect(
      (await schema.pool.query(`SELECT name, owner_chat_id FROM topics WHERE slug = 'world' ORDER BY id`)).rows,
    ).toEqual([
      { name: 'World news', owner_chat_id: null },
      { name: 'My world', owner_chat_id: 'telegram:5' },
    ]);
    const maxTopic = (sqlite.prepare(`SELECT max(id) AS id FROM topics`).get() as { id: number }).id;
    sqlite.close();

    const added = await schema.pool.query<{ id: number }>(
      `INSERT INTO topics (slug, name, created_at) VALUES ('new', 'New', now()) RETURNING id`,
    );
    expect(added.rows[0]!.id).toBe(maxTopic + 1);
  });

  it('refuses a schema that already holds rows, and keeps nothing of the attempt', async () => {
    const before = await schema.pool.query<{ n: number }>(`SELECT count(*) AS n FROM stories`);
    // meta is copied first, then topics (not empty) stops the copy: the meta rows must not stay.
    await schema.pool.query(`DELETE FROM meta`);
    await expect(copyFromSqlite(path, schema.pool)).rejects.toThrow(/already holds rows: copy into an empty schema/);
    expect((await schema.pool.query(`SELECT count(*) AS n FROM meta`)).rows[0]).toEqual({ n: 0 });
    expect((await schema.pool.query(`SELECT count(*) AS n FROM stories`)).rows[0]).toEqual(before.rows[0]);
  });
});
