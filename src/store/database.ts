import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError } from '../core/errors.js';
import { MIGRATIONS } from './migrations/index.js';

export type Db = Database.Database;

/**
 * The addon's path, named so that better-sqlite3 skips the `bindings` package's search (a stack
 * trace and a dozen file checks at every start). Undefined, and searched for, if it is elsewhere.
 */
const NATIVE_BINDING = (() => {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return undefined;
  }
})();

/**
 * Opens (creating if needed) the SQLite database: WAL journal, foreign keys on, a busy timeout,
 * and every pending migration applied. `:memory:` works for tests.
 */
export function openDatabase(path: string): Db {
  let db: Db;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, NATIVE_BINDING ? { nativeBinding: NATIVE_BINDING } : {});
  } catch (error) {
    throw notUsable(path, error);
  }
  try {
    // The first read of the file: a file that is not SQLite fails here, before anything is written.
    db.pragma('schema_version');
  } catch (error) {
    db.close();
    throw notUsable(path, error);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

/** The operator's sentence for a database that cannot be opened: the key, the path, the reason. */
function notUsable(path: string, error: unknown): ConfigError {
  const { code, message } = error as { code?: string; message?: string };
  const reason = code === 'SQLITE_NOTADB' ? 'the file is not an SQLite database' : (message ?? String(error));
  return new ConfigError([`DATABASE_PATH: cannot open ${path} as the database: ${reason}`]);
}

export interface Migration {
  /** What it changes, for the log. */
  name: string;
  up(db: Db): void;
}

/**
 * Applies migrations after PRAGMA user_version, each in its own transaction together with the
 * version bump: a failed migration leaves the database exactly as it was. Append-only: never
 * edit or reorder a migration that has shipped.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this newsbrief (${migrations.length})`);
  }
  for (let version = current; version < migrations.length; version++) {
    const migration = migrations[version]!;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return migrations.length - current;
}
