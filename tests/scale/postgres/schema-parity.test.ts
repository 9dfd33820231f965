import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { createTestSchema, type TestSchema } from '../helpers/servers.js';

/** What PostgreSQL has before this branch's SQLite does: hardena's migration 003, until the merge. */
const AWAITING_MERGE_TABLES = ['forum_posts'];
const AWAITING_MERGE_COLUMNS = ['outbox.failed_at'];

/** SQLite declared type → the PostgreSQL types that keep its values' meaning. */
const COMPATIBLE: Record<string, string[]> = {
  INTEGER: ['bigint', 'integer', 'boolean'],
  TEXT: ['text', 'timestamp with time zone'],
};

describe('the PostgreSQL schema', () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema();
    await migratePostgres(schema.pool);
  });
  afterAll(() => schema.drop());

  it('has every SQLite table, column (of a compatible type) and index, and nothing else but what awaits the merge', async () => {
    const sqlite = openDatabase(':memory:');
    const sqliteTables = sqlite
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .all()
      .map((row) => row.name);
    const sqliteColumns = new Map<string, string>();
    for (const table of sqliteTables) {
      for (const column of sqlite.pragma(`table_info(${table})`) as { name: string; type: string }[]) {
        sqliteColumns.set(`${table}.${column.name}`, column.type);
      }
    }
    const sqliteIndexes = sqlite
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
      .all()
      .map((row) => row.name);
    sqlite.close();

    const pgColumns = new Map(
      (
        await schema.pool.query<{ name: string; type: string }>(
          `SELECT table_name || '.' || column_name AS name, data_type AS type FROM information_schema.columns
           WHERE table_schema = $1 AND table_name <> 'schema_migrations'`,
          [schema.name],
        )
      ).rows.map((row) => [row.name, row.type]),
    );
    const pgTables = new Set([...pgColumns.keys()].map((name) => name.split('.')[0]!));
    const pgIndexes = (
      await schema.pool.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1`, [
        schema.name,
      ])
    ).rows.map((row) => row.name);

    expect([...pgTables].sort()).toEqual([...new Set([...sqliteTables, ...AWAITING_MERGE_TABLES])].sort());
    for (const [column, type] of sqliteColumns) {
      expect({ column, type: pgColumns.get(column) }).toEqual({
        column,
        type: expect.toSatisfy((pgType: string) => COMPATIBLE[type]?.includes(pgType) ?? false),
      });
    }
    const extraColumns = [...pgColumns.keys()].filter(
      (column) =>
        !sqliteColumns.has(column) &&
        !AWAITING_MERGE_COLUMNS.includes(column) &&
        !AWAITING_MERGE_TABLES.includes(column.split('.')[0]!),
    );
    expect(extraColumns).toEqual([]);
    expect(pgIndexes).toEqual(expect.arrayContaining(sqliteIndexes));
  });
});
