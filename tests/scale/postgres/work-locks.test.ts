import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgWorkLocks } from '../../../src/store/postgres/work-locks.js';
import { workLocksContract } from '../../store-contract/work-locks-contract.js';
import { createTestSchema, type TestSchema } from '../helpers/servers.js';

let schema: TestSchema;
beforeAll(async () => {
  schema = await createTestSchema();
});
afterAll(() => schema.drop());

describe('work locks over PostgreSQL advisory locks', () => {
  workLocksContract(() => ({ first: createPgWorkLocks(schema.pool), second: createPgWorkLocks(schema.openPool()) }));

  it('frees a name when the process holding it dies (its connection closes)', async () => {
    const dying = schema.openPool();
    const survivor = createPgWorkLocks(schema.openPool());
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let finish!: () => void;
    const held = createPgWorkLocks(dying).tryWith('digests 9/16', async () => {
      started();
      await new Promise<void>((resolve) => (finish = resolve)); // the process dies first
    });
    await running;
    expect(await survivor.tryWith('digests 9/16', async () => 'taken')).toEqual({ ran: false });
    // As the server sees a SIGKILLed process: its connections end.
    await schema.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
       WHERE locktype = 'advisory' AND pid <> pg_backend_pid()
         AND ((classid::bigint << 32) | objid::bigint) = hashtextextended('newsbrief work ' || current_schema() || ' ' || $1, 0)`,
      ['digests 9/16'],
    );
    await expect
      .poll(() => survivor.tryWith('digests 9/16', async () => 'taken over'), { timeout: 10_000 })
      .toEqual({
        ran: true,
        value: 'taken over',
      });
    finish();
    await held; // its unlock finds the connection gone: that connection is dropped, not reused
  });
});
