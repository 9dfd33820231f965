import type { PgClient, PgPool } from './connect.js';
import { PG_MIGRATIONS } from './migrations/index.js';

export interface PgMigration {
  /** What it changes, for the log. */
  name: string;
  up(client: PgClient): Promise<void>;
}

/**
 * Applies the migrations after the highest version in `schema_migrations`, each in its own
 * transaction together with its version row: a failed migration leaves the schema as it was.
 *
 * Several processes starting together migrate once: each transaction first takes a transaction
 * advisory lock for the current schema, so the others wait, then find the version already
 * applied. Append-only: never edit or reorder a migration that has shipped.
 *
 * Returns how many migrations this call applied.
 */
export async function migratePostgres(
  pool: PgPool,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<number> {
  const client = await pool.connect();
  let applied = 0;
  try {
    for (;;) {
      await client.query('BEGIN');
      try {
        await client.query(`SELECT pg_advisory_xact_lock(hashtext('newsbrief migrate ' || current_schema()))`);
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )`);
        const { rows } = await client.query<{ version: number }>(
          'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
        );
        const current = rows[0]!.version;
        if (current > migrations.length) {
          throw new Error(
            `PostgreSQL schema version ${current} is newer than this newsbrief (${migrations.length}): upgrade newsbrief`,
          );
        }
        if (current === migrations.length) {
          await client.query('COMMIT');
          return applied;
        }
        const migration = migrations[current]!;
        try {
          await migration.up(client);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`PostgreSQL migration ${current + 1} (${migration.name}) failed: ${reason}`, {
            cause: error,
          });
        }
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          current + 1,
          migration.name,
        ]);
        await client.query('COMMIT');
        applied++;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    }
  } finally {
    client.release();
  }
}
