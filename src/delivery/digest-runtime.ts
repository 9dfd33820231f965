import type { DeliveryControl, OutboxStore } from '../core/digest/outbox-port.js';
import type { DigestLedger, DigestSource } from '../core/digest/ports.js';
import type { Platform } from '../core/domain.js';
import type { ChatStore, Clock, Logger, Messenger, SubscriptionStore, TopicStore } from '../core/ports.js';
import { createDigestActions } from '../schedule/digest-actions.js';
import { createDigestJob } from '../schedule/digest-job.js';
import { createScheduleCalendar } from '../schedule/schedule-calendar.js';
import { createScheduler, type Scheduler } from '../schedule/scheduler.js';
import { createOutboxWorker } from './outbox-worker.js';
import type { OutboxWorkerOptions } from './outbox-worker-options.js';
import type { PacingLimits } from './pacing.js';
import type { WorkSharing } from '../core/work-locks.js';

/**
 * Digests and delivery wired together for src/main.ts: the schedule calendar and digest actions
 * the commands use, the digest job, the delivery worker, the minute tick. Platforms add their
 * messenger when they start; until then their chats' digests wait.
 */
export interface DigestRuntimeDeps {
  subscriptions: SubscriptionStore;
  topics: TopicStore;
  chats: ChatStore;
  digests: DigestSource & DigestLedger;
  outbox: OutboxStore;
  control: DeliveryControl;
  pacing: PacingLimits;
  clock: Clock;
  logger: Logger;
  /** Several processes on one database: the digest job plans each part of the chats in one of them. */
  sharing?: WorkSharing;
  /** Several processes on one database: the outbox leases and the limits shared through Redis. */
  delivery?: Pick<OutboxWorkerOptions, 'owner' | 'leaseMs' | 'idlePollMs' | 'sharedPacer'>;
}

export function createDigestRuntime(deps: DigestRuntimeDeps) {
  const logger = deps.logger.child({ part: 'digests' });
  const messengers = new Map<Platform, Messenger>();
  const messengerFor = (platform: Platform): Messenger | undefined => messengers.get(platform);
  const calendar = createScheduleCalendar();
  const worker = createOutboxWorker({ ...deps, ...deps.delivery, logger, messengerFor });
  const job = createDigestJob({ ...deps, source: deps.digests, ledger: deps.digests, calendar, messengerFor, logger });
  const actions = createDigestActions({
    ...deps,
    source: deps.digests,
    ledger: deps.digests,
    messengerFor,
    onQueued: () => worker.wake(),
  });
  let scheduler: Scheduler | null = null;

  return {
    calendar,
    actions,
    job,
    worker,
    /** A platform started: digests for its chats are planned and sent from now on. */
    addMessenger(messenger: Messenger): void {
      messengers.set(messenger.platform, messenger);
      worker.wake();
    },
    /** Starts the delivery worker and the minute tick, ticking once at once (digests missed while down). */
    start(jobs: { pollDueFeeds?: () => Promise<unknown> } = {}): void {
      worker.start();
      scheduler = createScheduler(
        { sendDueDigests: () => job.runDue(), deliver: () => worker.wake(), pollDueFeeds: jobs.pollDueFeeds },
        logger,
      );
      scheduler.start({ runNow: true });
    },
    /** Stops ticking, then lets the sends in flight finish. */
    async stop(): Promise<void> {
      await scheduler?.stop();
      scheduler = null;
      await worker.stop();
    },
  };
}

export type DigestRuntime = ReturnType<typeof createDigestRuntime>;
