import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Migration } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { tempDir } from '../helpers/test-app.js';

const DOMAIN_TABLES = [
  'audit_log',
  'chats',
  'deliveries',
  'feeds',
  'meta',
  'outbox',
  'quotes',
  'stories',
  'story_clusters',
  'story_topics',
  'subscriptions',
  'topic_feeds',
  'topics',
];

const tables = (db: Database.Database): string[] =>
  db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .all()
    .map((row) => row.name);

describe('migrations', () => {
  it('build every table of the domain on an empty database, in WAL mode with foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'fresh.db'));
    expect(tables(db)).toEqual(expect.arrayContaining(DOMAIN_TABLES));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('apply nothing when run again on an existing database, and keep its rows', () => {
    const path = join(tempDir(), 'existing.db');
    const first = openDatabase(path);
    first.prepare(`INSERT INTO meta (key, value) VALUES ('kept', 'yes')`).run();
    first.close();
    const again = openDatabase(path);
    expect(migrate(again)).toBe(0);
    expect(again.prepare(`SELECT value FROM meta WHERE key = 'kept'`).pluck().get()).toBe('yes');
    again.close();
  });

  it('leave the database exactly as it was when a migration fails half way', () => {
    const db = new Database(join(tempDir(), 'failing.db'));
    const good: Migration = { name: 'good', up: (d) => d.exec(`CREATE TABLE a (x)`) };
    const bad: Migration = {
      name: 'bad',
      up: (d) => {
        d.exec(`CREATE TABLE b (x)`);
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [good, bad])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(['a']);
    db.close();
  });

  it('refuse a database made by a newer newsbrief', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this newsbrief/);
  });

  it('give a version-2 database’s stories an empty image_url and keep them', () => {
    const db = new Database(join(tempDir(), 'version-2.db'));
    migrate(db, MIGRATIONS.slice(0, 2));
    db.prepare(
      `INSERT INTO stories (key, headline, normalized_headline, source, arrived_at)
       VALUES ('old', 'Bridge opens', 'bridge opens', 'Example News', '2026-11-01T08:00:00.000Z')`,
    ).run();
    expect(migrate(db)).toBe(MIGRATIONS.length - 2);
    expect(db.prepare(`SELECT image_url FROM stories WHERE key = 'old'`).pluck().get()).toBeNull();
    db.close();
  });
});
