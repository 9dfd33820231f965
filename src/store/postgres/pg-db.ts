import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { PgClient, PgPool } from './connect.js';

/**
 * The PostgreSQL stores' one way to the database, with SQLite's transaction semantics: a
 * transaction opened inside another becomes a savepoint of it, and every store call made inside
 * a transaction's work, whichever store makes it, runs on that transaction's connection (the
 * connection travels with the work through AsyncLocalStorage, as SQLite's single connection does).
 * Work inside one transaction runs its steps one after another, as the digest job does; two
 * transactions started side by side inside the same one would interleave their savepoints.
 */
export interface PgDb {
  /** Runs one statement: on the current transaction's connection, else on any pooled one. */
  query<Row extends pg.QueryResultRow = Record<string, never>>(
    sql: string,
    params?: unknown[],
  ): Promise<pg.QueryResult<Row>>;
  /** Runs `work` all-or-nothing: COMMIT when it resolves, ROLLBACK (to its savepoint) when it throws. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

interface Scope {
  client: PgClient;
  savepoints: number;
  /** Set when the transaction ended: a task the work left running must not use the released connection. */
  ended: boolean;
}

const databases = new WeakMap<PgPool, PgDb>();

/** The PgDb of a pool: one per pool, so the stores of that pool share their transactions. */
export function pgDb(pool: PgPool): PgDb {
  let db = databases.get(pool);
  if (!db) databases.set(pool, (db = createPgDb(pool)));
  return db;
}

function createPgDb(pool: PgPool): PgDb {
  const scope = new AsyncLocalStorage<Scope>();
  return {
    query<Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
      const current = scope.getStore();
      return current && !current.ended ? current.client.query<Row>(sql, params) : pool.query<Row>(sql, params);
    },
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      const current = scope.getStore();
      if (current && !current.ended) {
        const name = `nb_${++current.savepoints}`;
        await current.client.query(`SAVEPOINT ${name}`);
        try {
          const result = await work();
          await current.client.query(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (error) {
          // A connection too broken to roll back fails the outer transaction anyway: keep the first error.
          await current.client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => {});
          throw error;
        }
      }
      const client = await pool.connect();
      const own: Scope = { client, savepoints: 0, ended: false };
      let broken: unknown;
      try {
        await client.query('BEGIN');
        try {
          const result = await scope.run(own, work);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
          throw error;
        }
      } finally {
        own.ended = true;
        // A connection that could not even roll back is discarded, not handed to the next caller.
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
  };
}
