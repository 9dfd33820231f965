import { describe } from 'vitest';
import { createLocalWorkLocks } from '../../src/store/work-locks.js';
import { workLocksContract } from '../store-contract/work-locks-contract.js';

describe('work locks in one process (SQLite)', () => {
  workLocksContract(() => {
    const locks = createLocalWorkLocks();
    return { first: locks, second: locks };
  });
});
