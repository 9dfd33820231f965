import { openDatabase } from '../../src/store/index.js';
import { describeStoreContract } from '../store-contract/index.js';
import { createAsyncSqliteStores } from '../store-contract/sqlite-async.js';

describeStoreContract('SQLite', async () => {
  const db = openDatabase(':memory:');
  return {
    stores: createAsyncSqliteStores(db),
    close: async () => void db.close(),
  };
});
