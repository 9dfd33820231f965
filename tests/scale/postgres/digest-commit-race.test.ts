import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestStorageError, type DigestCommit } from '../../../src/core/digest/ports.js';
import { quoteIdent } from '../../../src/store/postgres/connect.js';
import { createPgStores } from '../../../src/store/postgres/index.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { createTestSchema, DATABASE_URL, type TestSchema } from '../helpers/servers.js';

const SLOT = '2025-03-03T08:00:00.000Z';
const NEXT = '2025-03-04T08:00:00.000Z';

describe('a digest commit on PostgreSQL beside another process', () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema();
    await migratePostgres(schema.pool);
  });
  afterAll(() => schema.drop());

  /** A fresh chat subscribed to a fresh topic, due at SLOT, and the commit of its digest. */
  const due = async (chat: string) => {
    const stores = createPgStores(schema.pool);
    await stores.chats.ensure({ id: `telegram:${chat}`, platform: 'telegram', kind: 'private', communityId: null });
    const topic = await stores.topics.create({ slug: `t${chat}`, name: 'T', communityId: null });
    const { subscription } = await stores.subscriptions.save({
      chatId: `telegram:${chat}`,
      topicId: topic.id,
      schedule: 'daily 08:00',
      timezone: 'UTC',
      cap: 8,
      nextRunAt: SLOT,
    });
    const plan: DigestCommit = {
      chatId: `telegram:${chat}`,
      at: SLOT,
      messages: [{ key: `digest:${subscription.id}@${SLOT}#1`, payload: '{}' }],
      deliveries: [],
      advances: [{ subscriptionId: subscription.id, watermark: 0, nextRunAt: NEXT, expectedNextRunAt: SLOT }],
    };
    return { stores, subscription, plan, chatId: `telegram:${chat}` };
  };

  it('writes nothing when another process moves the next run while the commit waits for the row', async () => {
    const { stores, subscription, plan, chatId } = await due('1');
    const other = await schema.openPool().connect();
    try {
      await other.query('BEGIN');
      await other.query(`UPDATE subscriptions SET next_run_at = $1 WHERE id = $2`, [NEXT, subscription.id]);
      const { rows } = await other.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
      const commit = stores.digests.commit(plan);
      // The signal: the commit's connection is waiting for the row the other process holds.
      for (;;) {
        const blocked = await schema.pool.query(
          `SELECT 1 FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))`,
          [rows[0]!.pid],
        );
        if (blocked.rowCount) break;
      }
      await other.query('COMMIT');
      expect(await commit).toBe(false);
    } finally {
      other.release();
    }
    expect((await stores.outbox.chatStatus(chatId, 5)).counts.pending).toBe(0);
    expect((await stores.subscriptions.find(chatId, subscription.topicId))?.nextRunAt).toBe(NEXT);
  });

  it('lets another process see a batch’s commits only when the whole batch is committed', async () => {
    const one = await due('2');
    const two = await due('3');
    const elsewhere = createPgStores(schema.openPool());
    const pendingElsewhere = async () => (await elsewhere.outbox.counts()).pending;
    const before = await pendingElsewhere();
    const inside = await one.stores.digests.batch(async () => {
      await one.stores.digests.commit(one.plan);
      await two.stores.digests.commit(two.plan);
      return pendingElsewhere();
    });
    expect(inside).toBe(before);
    expect(await pendingElsewhere()).toBe(before + 2);
  });

  it('reports a database it cannot write to as a storage failure, not as one digest’s problem', async () => {
    const { plan } = await due('4');
    const readOnly = new pg.Pool({
      connectionString: DATABASE_URL,
      options: `-c search_path=${quoteIdent(schema.name)} -c default_transaction_read_only=on`,
    });
    try {
      const stores = createPgStores(readOnly);
      await expect(stores.digests.commit(plan)).rejects.toThrow(DigestStorageError);
      await expect(stores.digests.batch(() => stores.digests.commit(plan))).rejects.toThrow(DigestStorageError);
    } finally {
      await readOnly.end();
    }
  });
});
