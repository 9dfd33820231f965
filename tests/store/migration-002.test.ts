import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { tempDir } from '../helpers/test-app.js';

describe('migration 002: feed-scoped story keys', () => {
  it('scopes the keys stored before it to their feed, so a re-poll finds them again and nothing is re-sent', () => {
    const db = new Database(join(tempDir(), 'old.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    const at = '2026-11-20T10:00:00.000Z';
    db.prepare(`INSERT INTO feeds (id, url, created_at) VALUES (7, 'https://paper.example/rss', ?)`).run(at);
    const insert = db.prepare(
      `INSERT INTO stories (key, feed_id, headline, normalized_headline, source, arrived_at) VALUES (?, ?, 'h', 'h', 's', ?)`,
    );
    insert.run('url:https://paper.example/a', 7, at);
    insert.run('guid:orphan-story-of-a-removed-feed', null, at);
    migrate(db);
    expect(db.prepare(`SELECT key FROM stories ORDER BY id`).pluck().all()).toEqual([
      'feed:7 url:https://paper.example/a',
      'guid:orphan-story-of-a-removed-feed',
    ]);
    db.close();
  });
});
