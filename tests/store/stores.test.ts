import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStores, openDatabase } from '../../src/store/index.js';
import { tempDir } from '../helpers/test-app.js';

const fresh = () => {
  const db = openDatabase(join(tempDir(), 'stores.db'));
  return { db, ...createStores(db) };
};

describe('topic store', () => {
  it('shows global topics and the community’s own, a community topic hiding a global one of the same slug', async () => {
    const { topics, db } = fresh();
    await topics.create({ slug: 'world', name: 'World', communityId: null });
    await topics.create({ slug: 'sport', name: 'Sport', communityId: null });
    const local = await topics.create({ slug: 'sport', name: 'Our sport', communityId: 'discord:1' });
    await topics.create({ slug: 'chess', name: 'Chess', communityId: 'discord:2' });
    expect((await topics.listVisible('discord:1')).map((t) => [t.slug, t.communityId])).toEqual([
      ['sport', 'discord:1'],
      ['world', null],
    ]);
    expect((await topics.listVisible(null)).map((t) => t.slug)).toEqual(['sport', 'world']);
    expect((await topics.findVisible('sport', 'discord:1'))?.id).toBe(local.id);
    expect(await topics.findVisible('chess', 'discord:1')).toBeNull();
    db.close();
  });

  it('keeps keywords and refuses a duplicate slug for the same owner', async () => {
    const { topics, db } = fresh();
    const topic = await topics.create({ slug: 'energy', name: 'Energy', communityId: null });
    await topics.update(topic.id, { includeKeywords: ['solar', 'wind'], excludeKeywords: ['oil'] });
    expect(await topics.get(topic.id)).toMatchObject({ includeKeywords: ['solar', 'wind'], excludeKeywords: ['oil'] });
    await expect(topics.create({ slug: 'energy', name: 'Again', communityId: null })).rejects.toThrow(/UNIQUE/);
    db.close();
  });
});

describe('feed store', () => {
  it('stores a URL once, attaches it to topics, and drops feeds no topic uses', async () => {
    const { topics, feeds, db } = fresh();
    const world = await topics.create({ slug: 'world', name: 'World', communityId: null });
    const feed = await feeds.ensure('https://example.org/rss');
    expect((await feeds.ensure('https://example.org/rss')).id).toBe(feed.id);
    await feeds.attach(world.id, feed.id, 'telegram:2');
    await feeds.attach(world.id, feed.id, 'telegram:2');
    expect(await topics.feedCount(world.id)).toBe(1);
    expect((await topics.topicsOfFeed(feed.id)).map((t) => t.slug)).toEqual(['world']);
    const updated = await feeds.update(feed.id, { consecutiveFailures: 3, lastErrorKind: 'timeout', enabled: false });
    expect(updated).toMatchObject({ consecutiveFailures: 3, lastErrorKind: 'timeout', enabled: false });
    await feeds.detach(world.id, feed.id);
    expect(await feeds.deleteOrphans()).toBe(1);
    expect(await feeds.get(feed.id)).toBeNull();
    db.close();
  });
});

describe('chat store', () => {
  it('records a chat, pauses and resumes it, and moves it to a new id with its subscriptions', async () => {
    const { chats, topics, db } = fresh();
    await chats.ensure({
      id: 'telegram:-5',
      platform: 'telegram',
      kind: 'group',
      communityId: 'telegram:-5',
      title: 'Book club',
    });
    const topic = await topics.create({ slug: 'world', name: 'World', communityId: null });
    db.prepare(
      `INSERT INTO subscriptions (chat_id, topic_id, schedule, timezone, created_at) VALUES (?, ?, 'hourly', 'UTC', '')`,
    ).run('telegram:-5', topic.id);
    await chats.pause('telegram:-5', 'bot was blocked', new Date('2026-11-24T10:00:00Z'));
    expect(await chats.get('telegram:-5')).toMatchObject({
      pausedReason: 'bot was blocked',
      pausedAt: '2026-11-24T10:00:00.000Z',
    });
    await chats.resume('telegram:-5');
    expect((await chats.get('telegram:-5'))?.pausedAt).toBeNull();
    await chats.rename('telegram:-5', 'telegram:-1005');
    expect(await chats.get('telegram:-5')).toBeNull();
    expect((await chats.get('telegram:-1005'))?.title).toBe('Book club');
    expect(db.prepare(`SELECT chat_id FROM subscriptions`).pluck().all()).toEqual(['telegram:-1005']);
    db.close();
  });
});

describe('audit log', () => {
  it('keeps who changed what, where and when, newest first, per community', async () => {
    const { audit, db } = fresh();
    await audit.record({
      actorId: 'discord:1',
      communityId: 'discord:9',
      chatId: 'discord:10',
      action: 'topic.create',
      detail: 'chess',
    });
    await audit.record({
      actorId: 'telegram:2',
      communityId: null,
      chatId: 'telegram:2',
      action: 'subscribe',
      detail: 'world',
    });
    expect(await audit.list({ communityId: 'discord:9' })).toEqual([
      expect.objectContaining({
        actorId: 'discord:1',
        action: 'topic.create',
        detail: 'chess',
        at: expect.any(String),
      }),
    ]);
    expect((await audit.list()).map((entry) => entry.action)).toEqual(['subscribe', 'topic.create']);
    db.close();
  });
});

describe('a crash', () => {
  it('loses nothing that was committed: a reopened database has every row', async () => {
    const path = join(tempDir(), 'reopen.db');
    const first = openDatabase(path);
    await createStores(first).topics.create({ slug: 'kept', name: 'Kept', communityId: null });
    // No close(): the WAL holds the commit, as after a crash.
    const second = openDatabase(path);
    expect((await createStores(second).topics.findVisible('kept', null))?.name).toBe('Kept');
    second.close();
    first.close();
  });
});
