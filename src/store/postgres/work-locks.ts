import type { WorkLocks } from '../../core/work-locks.js';
import type { PgPool } from './connect.js';

/**
 * WorkLocks as PostgreSQL session advisory locks: a connection of the pool is kept out while the
 * work runs and holds the lock; the lock is released on it afterwards, or freed by the server when
 * the process dies and the connection closes. The key is the name within the current schema, so
 * two bots (or two tests) in one database do not share locks.
 */
export function createPgWorkLocks(pool: PgPool): WorkLocks {
  return {
    async tryWith(name, work) {
      const client = await pool.connect();
      // A connection lost while held (server restart) must not crash the process: the lock is gone
      // with it, the work's own queries fail on their connections, and the client is dropped below.
      const onError = (): void => {};
      client.on('error', onError);
      let taken = false;
      try {
        const { rows } = await client.query<{ taken: boolean }>(
          `SELECT pg_try_advisory_lock(hashtextextended('newsbrief work ' || current_schema() || ' ' || $1, 0)) AS taken`,
          [name],
        );
        taken = rows[0]!.taken;
        if (!taken) return { ran: false };
        return { ran: true, value: await work() };
      } finally {
        client.off('error', onError);
        if (taken) {
          // A connection that cannot unlock is dropped, not reused: closing it frees the lock.
          const unlocked = await client
            .query(
              `SELECT pg_advisory_unlock(hashtextextended('newsbrief work ' || current_schema() || ' ' || $1, 0))`,
              [name],
            )
            .then(
              () => true,
              () => false,
            );
          client.release(!unlocked);
        } else {
          client.release();
        }
      }
    },
  };
}
