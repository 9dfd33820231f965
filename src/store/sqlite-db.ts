import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './database.js';

/**
 * The SQLite stores' asynchronous face over better-sqlite3's one synchronous connection, with the
 * semantics of src/store/postgres/pg-db.ts: a transaction opened inside another becomes a savepoint
 * of it, and every store call made inside a transaction's work (the work's AsyncLocalStorage
 * context) writes in that transaction. Because the connection is shared, a store call or a
 * transaction from any OTHER context waits until the open transaction ends: it must neither write
 * into someone else's transaction nor be rolled back with it.
 */
export interface SqliteDb {
  /** Runs `work` all-or-nothing: COMMIT when it resolves, ROLLBACK (to its savepoint) when it throws. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Runs one synchronous store step: at once, unless another context's transaction is open. */
  run<T>(step: () => T): Promise<T>;
}

interface Scope {
  savepoints: number;
  /** Resolves when the transaction ended. */
  ended: Promise<void>;
}

const databases = new WeakMap<Db, SqliteDb>();

/** The SqliteDb of a connection: one per connection, so all its stores share the transactions. */
export function sqliteDb(db: Db): SqliteDb {
  let wrapped = databases.get(db);
  if (!wrapped) databases.set(db, (wrapped = createSqliteDb(db)));
  return wrapped;
}

function createSqliteDb(db: Db): SqliteDb {
  const scope = new AsyncLocalStorage<Scope>();
  /** The open transaction, if any. */
  let active: Scope | null = null;
  const mine = (): boolean => active !== null && scope.getStore() === active;
  /** Another context's transaction is open: wait for it to end, then look again (another may have begun). */
  const waiting = (): boolean => active !== null && scope.getStore() !== active;

  const savepoint = async <T>(current: Scope, work: () => Promise<T>): Promise<T> => {
    const name = `nb_${++current.savepoints}`;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    }
  };

  return {
    run<T>(step: () => T): Promise<T> {
      if (active === null || mine()) {
        try {
          return Promise.resolve(step());
        } catch (error) {
          return Promise.reject(error as Error);
        }
      }
      return (async () => {
        while (waiting()) await active!.ended;
        return step();
      })();
    },
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      if (mine()) return savepoint(active!, work);
      // No await between the last look and taking the connection: nobody else can take it meanwhile.
      while (waiting()) await active!.ended;
      let end: () => void = () => {};
      const own: Scope = { savepoints: 0, ended: new Promise<void>((resolve) => (end = resolve)) };
      active = own;
      try {
        db.exec('BEGIN');
        try {
          const result = await scope.run(own, work);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      } finally {
        active = null;
        end();
      }
    },
  };
}

/**
 * A store port written with synchronous methods: what better-sqlite3 lets the SQLite stores write,
 * before asyncStore gives it the port's asynchronous face.
 */
export type SyncMethods<Port> = {
  [K in keyof Port]: Port[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : Port[K];
};

/**
 * The port over synchronous methods: each call runs as one step of `sqliteDb(db).run` (so it waits
 * for another context's open transaction) and returns its result, or its throw, as a promise.
 */
export function asyncStore<Port extends object>(db: Db, methods: SyncMethods<Port>): Port {
  const { run } = sqliteDb(db);
  const wrap =
    (method: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) =>
      run(() => method(...args));
  return Object.fromEntries(
    Object.entries(methods).map(([name, method]) => [
      name,
      typeof method === 'function' ? wrap(method as (...args: unknown[]) => unknown) : method,
    ]),
  ) as Port;
}

/**
 * An asynchronous SQLite store whose methods do their work synchronously when called (outbox,
 * delivery control), made to wait its turn the same way.
 */
export const gatedStore = <Port extends object>(db: Db, store: Port): Port =>
  asyncStore<Port>(db, store as SyncMethods<Port>);
