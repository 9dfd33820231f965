import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres } from '../../../src/store/postgres/connect.js';
import { migratePostgres, type PgMigration } from '../../../src/store/postgres/migrate.js';
import { PG_MIGRATIONS } from '../../../src/store/postgres/migrations/index.js';
import { createTestSchema, type TestSchema } from '../helpers/servers.js';

const tablesOf = async (schema: TestSchema): Promise<string[]> =>
  (
    await schema.pool.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`,
      [schema.name],
    )
  ).rows.map((row) => row.name);

const versions = async (schema: TestSchema): Promise<number[]> =>
  (await schema.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY 1')).rows.map(
    (row) => row.version,
  );

describe('PostgreSQL migrations', () => {
  let schemas: TestSchema[] = [];
  const fresh = async (): Promise<TestSchema> => {
    const schema = await createTestSchema();
    schemas.push(schema);
    return schema;
  };
  beforeAll(() => {
    schemas = [];
  });
  afterAll(async () => {
    await Promise.all(schemas.map((schema) => schema.drop()));
  });

  it('build the schema on an empty database, then apply nothing the second time and keep the rows', async () => {
    const schema = await fresh();
    expect(await migratePostgres(schema.pool)).toBe(PG_MIGRATIONS.length);
    expect(await tablesOf(schema)).toEqual(
      expect.arrayContaining(['feeds', 'outbox', 'schema_migrations', 'stories', 'subscriptions', 'topics']),
    );
    await schema.pool.query(`INSERT INTO meta (key, value) VALUES ('kept', 'yes')`);
    expect(await migratePostgres(schema.pool)).toBe(0);
    expect(await versions(schema)).toEqual(PG_MIGRATIONS.map((_, index) => index + 1));
    expect((await schema.pool.query('SELECT value FROM meta')).rows).toEqual([{ value: 'yes' }]);
  });

  it('migrate once when several processes start together', async () => {
    const schema = await fresh();
    // Slow enough that the three overlap; each run sees the others' work through the lock.
    const slow: PgMigration = {
      name: 'slow',
      async up(client) {
        await client.query('SELECT pg_sleep(0.3)');
        await client.query('CREATE TABLE slow_once (id INTEGER)');
      },
    };
    const list = [...PG_MIGRATIONS, slow];
    const pools = [schema.pool, schema.openPool(), schema.openPool()];
    const applied = await Promise.all(pools.map((pool) => migratePostgres(pool, list)));
    expect(applied.reduce((sum, count) => sum + count, 0)).toBe(list.length);
    expect(await versions(schema)).toEqual(list.map((_, index) => index + 1));
  });

  it('roll a failing migration back whole and report which one failed', async () => {
    const schema = await fresh();
    const broken: PgMigration = {
      name: 'half done',
      async up(client) {
        await client.query('CREATE TABLE half_done (id INTEGER)');
        await client.query('ALTER TABLE outbox ADD COLUMN half TEXT');
        await client.query('SELECT no_such_column FROM outbox');
      },
    };
    await expect(migratePostgres(schema.pool, [...PG_MIGRATIONS, broken])).rejects.toThrow(
      `PostgreSQL migration ${PG_MIGRATIONS.length + 1} (half done) failed`,
    );
    expect(await versions(schema)).toEqual(PG_MIGRATIONS.map((_, index) => index + 1));
    expect(await tablesOf(schema)).not.toContain('half_done');
    const columns = await schema.pool.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'outbox' AND column_name = 'half'`,
      [schema.name],
    );
    expect(columns.rowCount).toBe(0);
    // Fixed and run again, it goes on from where it stopped.
    expect(await migratePostgres(schema.pool)).toBe(0);
  });

  it('refuse a schema newer than this newsbrief', async () => {
    const schema = await fresh();
    await migratePostgres(schema.pool);
    await expect(migratePostgres(schema.pool, PG_MIGRATIONS.slice(0, 0))).rejects.toThrow(/newer than this newsbrief/);
  });

  it('name DATABASE_URL in a clear sentence when the server refuses or the database is missing', async () => {
    await expect(connectPostgres('postgres://postgres@127.0.0.1:1/test')).rejects.toThrow(
      /Cannot reach PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/test \(DATABASE_URL\): the connection was refused/,
    );
    await expect(connectPostgres('postgres://postgres@127.0.0.1:5432/nb_no_such_database')).rejects.toThrow(
      /\(DATABASE_URL\): database "nb_no_such_database" does not exist\. Create it/,
    );
    await expect(connectPostgres(undefined)).rejects.toThrow(/DATABASE_URL is not set/);
    await expect(connectPostgres('mysql://x@127.0.0.1/test')).rejects.toThrow(/must start with postgres:\/\//);
  });
});
