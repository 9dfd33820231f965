import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool, quoteIdent, type PgPool } from '../../../src/store/postgres/connect.js';

/** The servers the scale suites run against (README: "Tests against PostgreSQL and Redis"). */
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** DATABASE_URL naming one schema: libpq's `options` sets search_path on every connection (a child process's database). */
export const schemaUrl = (schema: string): string =>
  `${DATABASE_URL}${DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

/** A name no other test file (or run) uses: parallel files never collide. */
export const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(5).toString('hex')}`;

export interface TestSchema {
  name: string;
  /** A pool whose connections all use this schema (search_path). */
  pool: PgPool;
  /** Another pool on the same schema, as a second process would have. */
  openPool(): PgPool;
  /** Ends the pools and drops the schema with everything in it. */
  drop(): Promise<void>;
}

/** An empty PostgreSQL schema of its own for one test file. */
export async function createTestSchema(): Promise<TestSchema> {
  const name = uniqueName('nb_test');
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${quoteIdent(name)}`);
  await admin.end();
  const pools: PgPool[] = [];
  const openPool = (): PgPool => {
    const pool = createPool(DATABASE_URL, { searchPath: name, max: 4 });
    pools.push(pool);
    return pool;
  };
  return {
    name,
    pool: openPool(),
    openPool,
    async drop() {
      await Promise.all(pools.map((pool) => pool.end()));
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE`);
      await client.end();
    },
  };
}
