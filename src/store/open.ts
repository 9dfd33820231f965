import { ConfigError } from '../core/errors.js';
import { openDatabase, type Db } from './database.js';
import { createStores } from './index.js';
import type { PgPool } from './postgres/connect.js';
import type { Stores } from './stores.js';

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
    return { stores: createStores(db), db, describe: location.databasePath, close: async () => void db.close() };
  }
  const url = location.databaseUrl;
  const [{ connectPostgres, redactUrl }, { migratePostgres }, { createPgStores }] = await Promise.all([
    import('./postgres/connect.js'),
    import('./postgres/migrate.js'),
    import('./postgres/index.js'),
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
  return { stores: createPgStores(pool), pool, describe: redactUrl(url), close: () => pool.end() };
}
