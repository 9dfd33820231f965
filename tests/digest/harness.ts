import type { ChatKind, Platform } from '../../src/core/domain.js';
import { createOutboxWorker, type OutboxWorkerOptions } from '../../src/delivery/outbox-worker.js';
import { DEFAULT_PACING } from '../../src/delivery/pacing.js';
import { createDigestActions } from '../../src/schedule/digest-actions.js';
import { createDigestJob } from '../../src/schedule/digest-job.js';
import { createScheduleCalendar } from '../../src/schedule/schedule-calendar.js';
import { openDatabase } from '../../src/store/database.js';
import { createStores } from '../../src/store/index.js';
import { recordingMessenger } from '../helpers/recording-messenger.js';
import { recordingLogger } from '../helpers/test-app.js';

/** A clock a test moves by hand. */
export function fakeClock(start: string) {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => void (now = Date.parse(iso)),
    advance: (ms: number) => void (now += ms),
  };
}

/**
 * Digests and delivery over a real in-memory SQLite database, a moved-by-hand clock and a
 * recording messenger. The worker's sleeps move the clock (unless a send finishing wakes it first).
 */
export function digestHarness(
  options: { start?: string; platform?: Platform; limit?: number; worker?: Partial<OutboxWorkerOptions> } = {},
) {
  const db = openDatabase(':memory:');
  const stores = createStores(db);
  const clock = fakeClock(options.start ?? '2025-03-03T07:00:00Z');
  const recorder = recordingMessenger({ platform: options.platform ?? 'telegram', limit: options.limit });
  const logger = recordingLogger();
  const calendar = createScheduleCalendar();
  const messengerFor = (platform: Platform) =>
    platform === recorder.messenger.platform ? recorder.messenger : undefined;
  const job = createDigestJob({
    subscriptions: stores.subscriptions,
    source: stores.digests,
    ledger: stores.digests,
    calendar,
    messengerFor,
    clock,
    logger,
  });
  const worker = createOutboxWorker({
    outbox: stores.outbox,
    control: stores.deliveryControl,
    chats: stores.chats,
    messengerFor,
    pacing: DEFAULT_PACING,
    clock,
    logger,
    sleep: async (ms, signal) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (!signal.aborted) clock.advance(ms);
    },
    ...options.worker,
  });
  const actions = createDigestActions({
    ...stores,
    source: stores.digests,
    ledger: stores.digests,
    control: stores.deliveryControl,
    messengerFor,
    onQueued: () => worker.wake(),
  });

  const chat = async (id: string, kind: ChatKind = 'private', timezone?: string) => {
    const platform = id.split(':')[0] as Platform;
    await stores.chats.ensure({ id, platform, kind, communityId: kind === 'private' ? null : id });
    if (timezone) await stores.chats.setTimezone(id, timezone);
    return id;
  };
  const subscribe = async (chatId: string, topicId: number, schedule = 'daily 08:00', timezone = 'UTC', cap = 8) =>
    (
      await stores.subscriptions.save({
        chatId,
        topicId,
        schedule,
        timezone,
        cap,
        nextRunAt: calendar.nextRun(schedule, timezone, clock.now()).toISOString(),
      })
    ).subscription;

  return { db, stores, clock, recorder, logger, calendar, job, worker, actions, chat, subscribe };
}
