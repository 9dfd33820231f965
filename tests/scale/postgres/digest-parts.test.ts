import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Messenger } from '../../../src/core/ports.js';
import { silentLogger } from '../../../src/logger.js';
import { createDigestJob, type DigestRunReport } from '../../../src/schedule/digest-job.js';
import { createScheduleCalendar } from '../../../src/schedule/schedule-calendar.js';
import type { PgPool } from '../../../src/store/postgres/connect.js';
import { createPgStores } from '../../../src/store/postgres/index.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { createPgWorkLocks } from '../../../src/store/postgres/work-locks.js';
import { recordingMessenger } from '../../helpers/recording-messenger.js';
import { newStory } from '../../store-contract/world.js';
import { createTestSchema, type TestSchema } from '../helpers/servers.js';

const SLOT = '2026-12-03T08:00:00.000Z';
const CHATS = 240;

let schema: TestSchema;
beforeAll(async () => {
  schema = await createTestSchema();
  await migratePostgres(schema.pool);
  const stores = createPgStores(schema.pool);
  const topic = await stores.topics.create({ slug: 'world', name: 'World', communityId: null });
  const feed = await stores.feeds.ensure('https://paper.example/world.xml');
  await stores.feeds.attach(topic.id, feed.id, 'test');
  for (let chat = 0; chat < CHATS; chat++) {
    const id = `telegram:${5000 + chat}`;
    await stores.chats.ensure({ id, platform: 'telegram', kind: 'private', communityId: null });
    await stores.subscriptions.save({
      chatId: id,
      topicId: topic.id,
      schedule: 'daily 08:00',
      timezone: 'UTC',
      cap: 8,
      nextRunAt: SLOT,
    });
  }
  for (let story = 0; story < 3; story++) await stores.stories.add(newStory(feed.id, [topic.id]));
});
afterAll(() => schema.drop());

/** A bot process's digest job on its own pool, counting the digests it renders. */
function processJob(pool: PgPool) {
  const stores = createPgStores(pool);
  const recorder = recordingMessenger();
  let rendered = 0;
  const messenger: Messenger = {
    ...recorder.messenger,
    renderDigest: (digest) => (rendered++, recorder.messenger.renderDigest(digest)),
  };
  const job = createDigestJob({
    subscriptions: stores.subscriptions,
    source: stores.digests,
    ledger: stores.digests,
    calendar: createScheduleCalendar(),
    messengerFor: (platform) => (platform === 'telegram' ? messenger : undefined),
    clock: { now: () => new Date('2026-12-03T08:00:01.000Z') },
    logger: silentLogger,
    chatsPerBatch: 20,
    sharing: { locks: createPgWorkLocks(pool), digestParts: 16 },
  });
  return { job, rendered: () => rendered };
}

describe('the digest job in several processes on one PostgreSQL', () => {
  it('builds each due digest once, whichever process plans its part, and queues one message per chat', async () => {
    const processes = [processJob(schema.openPool()), processJob(schema.openPool()), processJob(schema.openPool())];
    const reports: DigestRunReport[] = await Promise.all(processes.map(({ job }) => job.runDue()));

    expect(reports.reduce((sum, report) => sum + report.due, 0)).toBe(CHATS);
    expect(reports.reduce((sum, report) => sum + report.digests, 0)).toBe(CHATS);
    expect(processes.reduce((sum, process) => sum + process.rendered(), 0)).toBe(CHATS);
    const { rows } = await schema.pool.query<{ chat_id: string; count: number }>(
      `SELECT chat_id, count(*) AS count FROM outbox GROUP BY chat_id`,
    );
    expect(rows).toHaveLength(CHATS);
    expect(rows.every((row) => row.count === 1)).toBe(true);
    const due = await schema.pool.query(`SELECT 1 FROM subscriptions WHERE next_run_at <= $1`, [SLOT]);
    expect(due.rowCount).toBe(0);

    // The next minute finds nothing left to build anywhere.
    const again = await Promise.all(processes.map(({ job }) => job.runDue()));
    expect(again.every((report) => report.due === 0)).toBe(true);
  });
});
