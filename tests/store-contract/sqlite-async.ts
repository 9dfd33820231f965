import { createStores, type Db } from '../../src/store/index.js';
import type { Async, AsyncStores } from '../../src/store/postgres/async-port.js';

/** Each method of a synchronous store wrapped to return a Promise (a throw becomes a rejection). */
function promisify<Port extends object>(store: Port): Async<Port> {
  return Object.fromEntries(
    Object.entries(store).map(([name, method]) => [
      name,
      typeof method === 'function'
        ? (...args: unknown[]) => Promise.resolve().then(() => (method as (...a: unknown[]) => unknown)(...args))
        : method,
    ]),
  ) as Async<Port>;
}

/**
 * The SQLite stores behind the asynchronous ports, so the one contract suite drives both
 * backends. Every method is the SQLite store's own; only `digests.batch` is written here, because
 * better-sqlite3's transactions take synchronous work: it opens the transaction itself around the
 * awaited work, and the store's commits inside it nest as savepoints (better-sqlite3 does that
 * when a transaction is open), exactly as in the synchronous batch.
 */
export function createAsyncSqliteStores(db: Db): AsyncStores {
  const stores = createStores(db);
  const { batch: _syncBatch, ...digests } = stores.digests;
  let savepoints = 0;
  /** BEGIN … COMMIT, or a savepoint when a transaction is open: what better-sqlite3 does for sync work. */
  const transaction = async <T>(work: () => Promise<T>): Promise<T> => {
    const [begin, commit, rollback] = db.inTransaction
      ? [`SAVEPOINT a${++savepoints}`, `RELEASE a${savepoints}`, `ROLLBACK TO a${savepoints}; RELEASE a${savepoints}`]
      : ['BEGIN', 'COMMIT', 'ROLLBACK'];
    db.exec(begin);
    try {
      const result = await work();
      db.exec(commit);
      return result;
    } catch (error) {
      db.exec(rollback);
      throw error;
    }
  };
  return {
    topics: promisify(stores.topics),
    feeds: promisify(stores.feeds),
    chats: promisify(stores.chats),
    audit: promisify(stores.audit),
    meta: promisify(stores.meta),
    stories: promisify(stores.stories),
    subscriptions: promisify(stores.subscriptions),
    digests: { ...promisify(digests), batch: transaction },
    outbox: stores.outbox,
    deliveryControl: stores.deliveryControl,
    forumPosts: stores.forumPosts,
  };
}
