import { ConfigError } from '../core/errors.js';
import type { WorkSharing } from '../core/work-locks.js';
import { openDatabase, type Db } from './database.js';
import { createStores } from './index.js';
import type { PgPool } from './postgres/connect.js';
import type { Stores } from './stores.js';
import { createLocalWorkLocks } from './work-locks.js';

const PG_DIGEST_PARTS = 16;

/** Where the data lives: PostgreSQL when `databaseUrl` is set, else the SQLite file. */
export interface StoreLocation {
  /** DATABASE_URL: postgres://user:password@host:5432/database. */
  databaseUrl?: string | undefined;
  /** DATABASE_PATH: the SQLite file (`:memory:` for tests). */
  databasePath: string;
  /** PostgreSQL only: the schema to use (tests use throw-away ones). */
  searchPath?: string;
}

/** The opened stores and what is behind them: the SQLite connection or the PostgreSQL pool. */
export interface OpenedStores {
  stores: Stores;
  /** The SQLite connection, when SQLite is used. */
  db?: Db;
  /** The PostgreSQL pool, when PostgreSQL is used. */
  pool?: PgPool;
  /** How processes on this database share work: one process on SQLite, any number on PostgreSQL. */
  sharing: WorkSharing;
  /** The database in words, for messages: the file path or the URL without its password. */
  describe: string;
  /** Closes the connection (SQLite) or ends the pool (PostgreSQL). */
  close(): Promise<void>;
}

/**
 * Opens the database the configuration names, with every pending migration applied. A PostgreSQL
 * server that cannot be reached, or refuses the login, is a ConfigError naming DATABASE_URL (the
 * operator's sentence, not a stack trace). The pg modules are loaded only when PostgreSQL is used.
 */
export async function openStores(location: StoreLocation): Promise<OpenedStores> {
  if (!location.databaseUrl) {
    const db = openDatabase(location.databasePath);
    return {
      stores: createStores(db),
      db,
      sharing: { locks: createLocalWorkLocks(), digestParts: 1 },
      describe: location.databasePath,
      close: async () => void db.close(),
    };
  }
  const url = location.databaseUrl;
  const [{ connectPostgres, redactUrl }, { migratePostgres }, { createPgStores }, { createPgWorkLocks }] =
    await Promise.all([
      import('./postgres/connect.js'),
      import('./postgres/migrate.js'),
      import('./postgres/index.js'),
      import('./postgres/work-locks.js'),
    ]);
  let pool: PgPool;
  try {
    pool = await connectPostgres(url, location.searchPath ? { searchPath: location.searchPath } : {});
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw new ConfigError([`DATABASE_URL: ${redactUrl(url)}: ${(error as Error).message}`]);
  }
  return {
    stores: createPgStores(pool),
    pool,
    // Parts enough for a handful of worker processes to plan side by side.
    sharing: { locks: createPgWorkLocks(pool), digestParts: PG_DIGEST_PARTS },
    describe: redactUrl(url),
    close: () => pool.end(),
  };
}
