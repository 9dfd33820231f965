import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStores, openDatabase } from '../../src/store/index.js';
import { tempDir } from '../helpers/test-app.js';

const fresh = () => {
  const db = openDatabase(join(tempDir(), 'stores.db'));
  return { db, ...createStores(db) };
};

describe('topic store', () => {
  it('shows global topics and the community’s own, a community topic hiding a global one of the same slug', () => {
    const { topics, db } = fresh();
    topics.create({ slug: 'world', name: 'World', communityId: null });
    topics.create({ slug: 'sport', name: 'Sport', communityId: null });
    const local = topics.create({ slug: 'sport', name: 'Our sport', communityId: 'discord:1' });
    topics.create({ slug: 'chess', name: 'Chess', communityId: 'discord:2' });
    expect(topics.listVisible('discord:1').map((t) => [t.slug, t.communityId])).toEqual([
      ['sport', 'discord:1'],
      ['world', null],
    ]);
    expect(topics.listVisible(null).map((t) => t.slug)).toEqual(['sport', 'world']);
    expect(topics.findVisible('sport', 'discord:1')?.id).toBe(local.id);
    expect(topics.findVisible('chess', 'discord:1')).toBeNull();
    db.close();
  });

  it('keeps keywords and refuses a duplicate slug for the same owner', () => {
    const { topics, db } = fresh();
    const topic = topics.create({ slug: 'energy', name: 'Energy', communityId: null });
    topics.update(topic.id, { includeKeywords: ['solar', 'wind'], excludeKeywords: ['oil'] });
    expect(topics.get(topic.id)).toMatchObject({ includeKeywords: ['solar', 'wind'], excludeKeywords: ['oil'] });
    expect(() => topics.create({ slug: 'energy', name: 'Again', communityId: null })).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('feed store', () => {
  it('stores a URL once, attaches it to topics, and drops feeds no topic uses', () => {
    const { topics, feeds, db } = fresh();
    const world = topics.create({ slug: 'world', name: 'World', communityId: null });
    const feed = feeds.ensure('https://example.org/rss');
    expect(feeds.ensure('https://example.org/rss').id).toBe(feed.id);
    feeds.attach(world.id, feed.id, 'telegram:2');
    feeds.attach(world.id, feed.id, 'telegram:2');
    expect(topics.feedCount(world.id)).toBe(1);
    expect(topics.topicsOfFeed(feed.id).map((t) => t.slug)).toEqual(['world']);
    const updated = feeds.update(feed.id, { consecutiveFailures: 3, lastErrorKind: 'timeout', enabled: false });
    expect(updated).toMatchObject({ consecutiveFailures: 3, lastErrorKind: 'timeout', enabled: false });
    feeds.detach(world.id, feed.id);
    expect(feeds.deleteOrphans()).toBe(1);
    expect(feeds.get(feed.id)).toBeNull();
    db.close();
  });
});

describe('chat store', () => {
  it('records a chat, pauses and resumes it, and moves it to a new id with its subscriptions', () => {
    const { chats, topics, db } = fresh();
    chats.ensure({
      id: 'telegram:-5',
      platform: 'telegram',
      kind: 'group',
      communityId: 'telegram:-5',
      title: 'Book club',
    });
    const topic = topics.create({ slug: 'world', name: 'World', communityId: null });
    db.prepare(
      `INSERT INTO subscriptions (chat_id, topic_id, schedule, timezone, created_at) VALUES (?, ?, 'hourly', 'UTC', '')`,
    ).run('telegram:-5', topic.id);
    chats.pause('telegram:-5', 'bot was blocked', new Date('2026-11-24T10:00:00Z'));
    expect(chats.get('telegram:-5')).toMatchObject({
      pausedReason: 'bot was blocked',
      pausedAt: '2026-11-24T10:00:00.000Z',
    });
    chats.resume('telegram:-5');
    expect(chats.get('telegram:-5')?.pausedAt).toBeNull();
    chats.rename('telegram:-5', 'telegram:-1005');
    expect(chats.get('telegram:-5')).toBeNull();
    expect(chats.get('telegram:-1005')?.title).toBe('Book club');
    expect(db.prepare(`SELECT chat_id FROM subscriptions`).pluck().all()).toEqual(['telegram:-1005']);
    db.close();
  });
});

describe('audit log', () => {
  it('keeps who changed what, where and when, newest first, per community', () => {
    const { audit, db } = fresh();
    audit.record({
      actorId: 'discord:1',
      communityId: 'discord:9',
      chatId: 'discord:10',
      action: 'topic.create',
      detail: 'chess',
    });
    audit.record({
      actorId: 'telegram:2',
      communityId: null,
      chatId: 'telegram:2',
      action: 'subscribe',
      detail: 'world',
    });
    expect(audit.list({ communityId: 'discord:9' })).toEqual([
      expect.objectContaining({
        actorId: 'discord:1',
        action: 'topic.create',
        detail: 'chess',
        at: expect.any(String),
      }),
    ]);
    expect(audit.list().map((entry) => entry.action)).toEqual(['subscribe', 'topic.create']);
    db.close();
  });
});

describe('a crash', () => {
  it('loses nothing that was committed: a reopened database has every row', () => {
    const path = join(tempDir(), 'reopen.db');
    const first = openDatabase(path);
    createStores(first).topics.create({ slug: 'kept', name: 'Kept', communityId: null });
    // No close(): the WAL holds the commit, as after a crash.
    const second = openDatabase(path);
    expect(createStores(second).topics.findVisible('kept', null)?.name).toBe('Kept');
    second.close();
    first.close();
  });
});
