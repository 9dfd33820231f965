import { afterAll, beforeAll } from 'vitest';
import { COPY_ORDER } from '../../../src/store/postgres/copy-from-sqlite.js';
import { createPgStores } from '../../../src/store/postgres/index.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { describeStoreContract } from '../../store-contract/index.js';
import { createTestSchema, type TestSchema } from '../helpers/servers.js';

let schema: TestSchema;
beforeAll(async () => {
  schema = await createTestSchema();
  await migratePostgres(schema.pool);
});
afterAll(() => schema.drop());

// One migrated schema for the file, emptied before each test: a fresh schema per test costs seconds.
describeStoreContract('PostgreSQL', async () => {
  await schema.pool.query(`TRUNCATE ${COPY_ORDER.join(', ')} RESTART IDENTITY CASCADE`);
  return { stores: createPgStores(schema.pool), close: async () => {} };
});
