import { describe, expect, it } from 'vitest';
import { createStores, openDatabase } from '../../src/store/index.js';

const stores = () => createStores(openDatabase(':memory:'));

/** Resolves after the event loop turned: other async contexts run meanwhile. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SQLite transactions over the one shared connection', () => {
  it('keeps a write made outside a batch while the batch is open, when the batch rolls back', async () => {
    const { meta, digests } = stores();
    let outsideDone = false;
    let startOutside: () => void = () => {};
    // Another context (a command, the outbox worker): set up outside the batch, run while it is open...
    const outside = new Promise<void>((resolve) => (startOutside = resolve))
      .then(() => meta.set('outside', 'kept'))
      .then(() => void (outsideDone = true));
    const batch = digests.batch(async () => {
      await meta.set('inside', 'batch');
      startOutside();
      await tick();
      await tick();
      // ...and waits for the batch instead of writing into it.
      expect(outsideDone).toBe(false);
      throw new Error('batch fails');
    });
    await expect(batch).rejects.toThrow('batch fails');
    await outside;
    expect(await meta.get('inside')).toBeNull();
    expect(await meta.get('outside')).toBe('kept');
  });

  it('lets a read from outside wait for the transaction, never seeing what it then rolls back', async () => {
    const { meta, transaction } = stores();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const open = transaction(async () => {
      await meta.set('key', 'uncommitted');
      await gate;
      throw new Error('rolled back');
    });
    await tick();
    const read = meta.get('key');
    release();
    await expect(open).rejects.toThrow('rolled back');
    expect(await read).toBeNull();
  });

  it('runs two transactions from different contexts one after the other, each all-or-nothing', async () => {
    const { meta, transaction } = stores();
    const order: string[] = [];
    const first = transaction(async () => {
      order.push('first begins');
      await meta.set('a', '1');
      await tick();
      order.push('first ends');
      throw new Error('first fails');
    });
    const second = transaction(async () => {
      order.push('second begins');
      await meta.set('b', '2');
      order.push('second ends');
    });
    await expect(first).rejects.toThrow('first fails');
    await second;
    expect(order).toEqual(['first begins', 'first ends', 'second begins', 'second ends']);
    expect([await meta.get('a'), await meta.get('b')]).toEqual([null, '2']);
  });

  it('makes a nested transaction a savepoint: its failure undoes only its own writes', async () => {
    const { meta, transaction } = stores();
    await transaction(async () => {
      await meta.set('outer', 'kept');
      await expect(
        transaction(async () => {
          await meta.set('inner', 'undone');
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
    });
    expect([await meta.get('outer'), await meta.get('inner')]).toEqual(['kept', null]);
  });
});
