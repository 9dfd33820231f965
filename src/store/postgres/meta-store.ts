import type { MetaStore } from '../meta-store.js';
import type { PgPool } from './connect.js';
import { pgDb } from './pg-db.js';

/** The meta key/value facts over PostgreSQL. */
export function createPgMetaStore(pool: PgPool): MetaStore {
  const db = pgDb(pool);
  return {
    async get(key) {
      const { rows } = await db.query<{ value: string }>(`SELECT value FROM meta WHERE key = $1`, [key]);
      return rows[0]?.value ?? null;
    },
    async set(key, value) {
      await db.query(
        `INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [key, value],
      );
    },
  };
}
