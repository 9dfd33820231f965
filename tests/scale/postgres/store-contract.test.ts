import { createPgStores } from '../../../src/store/postgres/index.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { describeStoreContract } from '../../store-contract/index.js';
import { createTestSchema } from '../helpers/servers.js';

describeStoreContract('PostgreSQL', async () => {
  const schema = await createTestSchema();
  await migratePostgres(schema.pool);
  return { stores: createPgStores(schema.pool), close: () => schema.drop() };
});
