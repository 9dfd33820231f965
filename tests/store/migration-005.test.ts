import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { createTopicStore } from '../../src/store/topic-store.js';
import { tempDir } from '../helpers/test-app.js';

describe('migration 005: personal topics', () => {
  it('keeps existing topics shared, and makes slugs unique per owner: community, private chat or the catalogue', async () => {
    const db = new Database(join(tempDir(), 'old.db'));
    db.pragma('foreign_keys = ON');
    const before = MIGRATIONS.findIndex((migration) => migration.name.startsWith('topics.owner_chat_id'));
    migrate(db, MIGRATIONS.slice(0, before));
    const at = '2026-11-20T10:00:00.000Z';
    db.prepare(`INSERT INTO topics (slug, name, community_id, created_at) VALUES ('world', 'World', NULL, ?)`).run(at);
    migrate(db);
    const topics = createTopicStore(db);
    expect(await topics.listVisible(null)).toMatchObject([{ slug: 'world', ownerChatId: null }]);
    await topics.create({ slug: 'world', name: 'Mine', communityId: null, ownerChatId: 'telegram:1' });
    await topics.create({ slug: 'world', name: 'Theirs', communityId: null, ownerChatId: 'discord:2' });
    await expect(
      topics.create({ slug: 'world', name: 'Again', communityId: null, ownerChatId: 'telegram:1' }),
    ).rejects.toThrow(/UNIQUE/);
    await expect(topics.create({ slug: 'world', name: 'Again', communityId: null })).rejects.toThrow(/UNIQUE/);
    expect((await topics.listVisible(null)).map((topic) => topic.name)).toEqual(['World']);
    expect((await topics.findVisible('world', null))?.name).toBe('World');
    expect((await topics.listPersonal('telegram:1')).map((topic) => topic.name)).toEqual(['Mine']);
    db.close();
  });
});
