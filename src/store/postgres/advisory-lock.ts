import type pg from 'pg';
import type { LockLease, ProcessLock } from '../../core/process-lock.js';
import { openConnection } from './connect.js';

/**
 * A ProcessLock as a PostgreSQL session advisory lock (pg_try_advisory_lock) on a dedicated
 * connection: held while that connection lives, freed by the server when it closes, however the
 * holder ended (SIGKILL included). `name` is hashed to the lock's 64-bit key; processes of one bot
 * use the same name, on the same database.
 */
export function createAdvisoryLock(url: string, name: string): ProcessLock {
  let client: pg.Client | null = null;
  let closed: Promise<void> = Promise.resolve();

  const end = async (): Promise<void> => {
    const current = client;
    client = null;
    // Ending the session frees the lock; no unlock query that a dead connection could not run.
    await current?.end().catch(() => {});
  };

  const connect = async (): Promise<pg.Client> => {
    const fresh = await openConnection(url);
    client = fresh;
    closed = new Promise<void>((resolve) => {
      fresh.once('error', () => resolve());
      fresh.once('end', () => resolve());
    });
    void closed.then(() => {
      if (client === fresh) client = null;
    });
    return fresh;
  };

  return {
    async tryTake(): Promise<LockLease | null> {
      const session = client ?? (await connect());
      let taken: boolean;
      try {
        const { rows } = await session.query<{ taken: boolean }>(
          'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS taken',
          [name],
        );
        taken = rows[0]?.taken === true;
      } catch (error) {
        if (client === session) await end();
        throw error;
      }
      if (!taken) return null;
      return {
        lost: closed,
        release: async () => {
          if (client === session) await end();
        },
      };
    },
    close: end,
  };
}
