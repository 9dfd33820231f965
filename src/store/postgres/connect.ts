import pg from 'pg';

/**
 * The PostgreSQL connection pool, from DATABASE_URL (postgres://user:password@host:port/database).
 *
 * Values come back as the SQLite stores give them, so one core serves both backends:
 * - BIGINT (ids, counts) as JavaScript numbers, not strings (pg's default); a value past 2^53
 *   throws instead of silently losing digits.
 * - TIMESTAMPTZ as ISO 8601 UTC text (`2026-12-02T22:35:00.000Z`), the form the SQLite columns hold.
 * The parsers are set on this pool only, never on pg's global type table.
 */

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

export interface PoolOptions {
  /** Sets search_path on every connection (`-c search_path=…`): tests use their own schema. */
  searchPath?: string;
  /** Connections at most (default 10). */
  max?: number;
  /** How long to wait for a connection before giving up (default 5 s). */
  connectionTimeoutMs?: number;
}

const INT8 = 20;
const TIMESTAMPTZ = 1184;

const parseBigInt = (text: string): number => {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`PostgreSQL returned ${text}, past JavaScript's safe integers`);
  return value;
};

const parseTimestamp = (text: string): string => {
  const parse = pg.types.getTypeParser(TIMESTAMPTZ) as (value: string) => Date;
  return parse(text).toISOString();
};

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format !== 'binary') {
      if (oid === INT8) return parseBigInt;
      if (oid === TIMESTAMPTZ) return parseTimestamp;
    }
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A quoted identifier for a schema name chosen by us (tests, operators), never by users. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

/** A pool that has not connected yet; the first query connects. Prefer connectPostgres. */
export function createPool(url: string, options: PoolOptions = {}): PgPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
    types,
    ...(options.searchPath ? { options: `-c search_path=${quoteIdent(options.searchPath)}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/**
 * One connection of its own, outside any pool, for what lives and dies with a session (an advisory
 * lock). TCP keep-alive lets a dead peer be noticed; errors after connecting are the caller's to
 * watch ('error', 'end').
 */
export async function openConnection(url: string, options: { connectionTimeoutMs?: number } = {}): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
    keepAlive: true,
    types,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw new Error(describeConnectError(error, url), { cause: error });
  }
}

/**
 * Opens a pool and checks it with one query, so a wrong DATABASE_URL is reported at start-up in a
 * sentence the operator can act on, not as a bare ECONNREFUSED on the first poll.
 */
export async function connectPostgres(url: string | undefined, options: PoolOptions = {}): Promise<PgPool> {
  if (!url) throw new Error('DATABASE_URL is not set: give it as postgres://user:password@host:5432/database');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('DATABASE_URL is not a URL: give it as postgres://user:password@host:5432/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// (it starts with ${parsed.protocol}//)`);
  }
  const pool = createPool(url, options);
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(describeConnectError(error, url), { cause: error });
  }
}

/** One sentence naming DATABASE_URL and what to check. */
export function describeConnectError(error: unknown, url: string): string {
  const where = `PostgreSQL at ${redactUrl(url)} (DATABASE_URL)`;
  const err = firstError(error) as { code?: string; message?: string };
  switch (err.code) {
    case 'ECONNREFUSED':
      return `Cannot reach ${where}: the connection was refused. Is the server running and listening on that host and port?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach ${where}: the host name does not resolve.`;
    case 'ETIMEDOUT':
      return `Cannot reach ${where}: the connection timed out.`;
    case '28P01':
    case '28000':
      return `${where} refused the login: ${err.message}. Check the user and password in DATABASE_URL.`;
    case '3D000':
      return `${where}: ${err.message}. Create it (createdb) or name an existing database in DATABASE_URL.`;
  }
  if (/timeout/i.test(err.message ?? '')) return `Cannot reach ${where}: the connection timed out.`;
  return `Cannot use ${where}: ${err.message ?? String(error)}`;
}

/** Node reports a refused dual-stack connect as an AggregateError of one error per address. */
const firstError = (error: unknown): unknown =>
  error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
