import Database from 'better-sqlite3';
import { MIGRATIONS } from '../migrations/index.js';
import { quoteIdent, type PgPool } from './connect.js';

/**
 * The tables in an order that satisfies every foreign key: a referenced table is copied first.
 * A table SQLite does not have (yet) is skipped; a SQLite table missing here fails the copy.
 */
export const COPY_ORDER = [
  'meta',
  'topics',
  'feeds',
  'topic_feeds',
  'story_clusters',
  'stories',
  'headline_tokens',
  'quotes',
  'story_topics',
  'chats',
  'subscriptions',
  'deliveries',
  'outbox',
  'audit_log',
  'forum_posts',
] as const;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH_ROWS = 500;

export interface CopyReport {
  /** Rows copied per table. */
  rows: Record<string, number>;
}

/**
 * Copies every table of a newsbrief SQLite database (opened read-only; the bot should be stopped)
 * into an empty, migrated PostgreSQL schema in ONE transaction: on any error nothing is kept. Ids
 * are kept, and each identity then continues after the highest copied id. SQLite's 0/1 flags
 * become booleans; ISO 8601 times become TIMESTAMPTZ.
 */
export async function copyFromSqlite(sqlitePath: string, pool: PgPool): Promise<CopyReport> {
  const sqlite = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const client = await pool.connect();
  try {
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version !== MIGRATIONS.length) {
      throw new Error(
        `${sqlitePath} is at schema version ${version}, this newsbrief at ${MIGRATIONS.length}: ` +
          'start this newsbrief on it once (it migrates), stop it, then copy',
      );
    }
    const sqliteTables = new Set(
      sqlite
        .prepare<[], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        )
        .all()
        .map((row) => row.name),
    );
    const unknown = [...sqliteTables].filter((table) => !(COPY_ORDER as readonly string[]).includes(table));
    if (unknown.length > 0) throw new Error(`no PostgreSQL copy for the SQLite table(s) ${unknown.join(', ')}`);

    await client.query('BEGIN');
    const report: CopyReport = { rows: {} };
    for (const table of COPY_ORDER.filter((name) => sqliteTables.has(name))) {
      const pgTypes = new Map(
        (
          await client.query<{ column_name: string; data_type: string }>(
            `SELECT column_name, data_type FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = $1`,
            [table],
          )
        ).rows.map((row) => [row.column_name, row.data_type]),
      );
      if (pgTypes.size === 0) throw new Error(`PostgreSQL has no table ${table}: run the migrations first`);
      const columns = (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
      const missing = columns.filter((column) => !pgTypes.has(column));
      if (missing.length > 0) throw new Error(`PostgreSQL's ${table} lacks the column(s) ${missing.join(', ')}`);
      const existing = await client.query(`SELECT 1 FROM ${quoteIdent(table)} LIMIT 1`);
      if (existing.rowCount) throw new Error(`PostgreSQL's ${table} already holds rows: copy into an empty schema`);

      const booleans = columns.map((column) => pgTypes.get(column) === 'boolean');
      const convert = (row: unknown[]): unknown[] =>
        row.map((value, index) => (booleans[index] && value !== null ? value !== 0 : value));
      const insertHead = `INSERT INTO ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) VALUES `;
      let batch: unknown[][] = [];
      let count = 0;
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        const tuples = batch.map(
          (_, row) => `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(', ')})`,
        );
        await client.query(insertHead + tuples.join(', '), batch.flat());
        count += batch.length;
        batch = [];
      };
      const rows = sqlite.prepare(`SELECT ${columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(table)}`).raw();
      for (const row of rows.iterate() as IterableIterator<unknown[]>) {
        batch.push(convert(row));
        if (batch.length >= BATCH_ROWS) await flush();
      }
      await flush();
      report.rows[table] = count;

      if (pgTypes.get('id') === 'bigint' && columns.includes('id')) {
        // The next generated id follows the highest copied one (a no-op for tables without identity).
        await client.query(
          `SELECT setval(seq, coalesce((SELECT max(id) FROM ${quoteIdent(table)}), 0) + 1, false)
           FROM pg_get_serial_sequence($1, 'id') AS seq WHERE seq IS NOT NULL`,
          [quoteIdent(table)],
        );
      }
    }
    await client.query('COMMIT');
    return report;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
    sqlite.close();
  }
}
