import { createStores, openDatabase } from '../../src/store/index.js';
import { describeStoreContract } from '../store-contract/index.js';

describeStoreContract('SQLite', async () => {
  const db = openDatabase(':memory:');
  return {
    stores: createStores(db),
    close: async () => void db.close(),
  };
});
