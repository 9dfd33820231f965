/**
 * What both crash-test children do once they have a messenger: the due-digest job, then the
 * delivery worker, over a SQLite file, printing `phase:<name>` lines and `ready` when the first
 * send starts (the parent kills only after that line).
 */
import type { Clock, Messenger } from '../../src/core/ports.js';
import { createOutboxWorker } from '../../src/delivery/outbox-worker.js';
import { DEFAULT_PACING, type PacingLimits } from '../../src/delivery/pacing.js';
import { silentLogger } from '../../src/logger.js';
import { createDigestJob } from '../../src/schedule/digest-job.js';
import { createScheduleCalendar } from '../../src/schedule/schedule-calendar.js';
import { openDatabase } from '../../src/store/database.js';
import { createStores } from '../../src/store/index.js';

/** argv: <database path> <platform URL or API root> <the time it is, ISO>. */
export function crashChildArgs(): { databasePath: string; url: string; clock: Clock } {
  const [databasePath, url, nowIso] = process.argv.slice(2) as [string, string, string];
  const offset = Date.parse(nowIso) - Date.now();
  return { databasePath, url, clock: { now: () => new Date(Date.now() + offset) } };
}

export interface CrashRunOptions {
  databasePath: string;
  clock: Clock;
  messenger: Messenger;
  /** Limits for the worker: the platforms' own would make the tests minutes long. */
  pacing: Partial<PacingLimits>;
  chatsPerBatch?: number;
  maxInFlight?: number;
}

export async function runCrashChild(options: CrashRunOptions): Promise<never> {
  const phase = (name: string): void => void process.stdout.write(`phase:${name}\n`);
  let ready = false;
  const messenger: Messenger = {
    ...options.messenger,
    send(chatId, message) {
      if (!ready) {
        ready = true;
        process.stdout.write('ready\n');
      }
      return options.messenger.send(chatId, message);
    },
  };
  const { clock } = options;
  phase('starting');
  const db = openDatabase(options.databasePath);
  const stores = createStores(db);
  const messengerFor = (platform: string) => (platform === messenger.platform ? messenger : undefined);
  const job = createDigestJob({
    subscriptions: stores.subscriptions,
    source: stores.digests,
    ledger: stores.digests,
    calendar: createScheduleCalendar(),
    messengerFor,
    clock,
    logger: silentLogger,
    ...(options.chatsPerBatch ? { chatsPerBatch: options.chatsPerBatch } : {}),
  });
  const worker = createOutboxWorker({
    outbox: stores.outbox,
    control: stores.deliveryControl,
    chats: stores.chats,
    messengerFor,
    pacing: { ...DEFAULT_PACING, ...options.pacing },
    clock,
    logger: silentLogger,
    ...(options.maxInFlight ? { maxInFlight: options.maxInFlight } : {}),
    backoffMs: () => 50,
  });
  phase('planning');
  await job.runDue();
  phase('sending');
  await worker.drain();
  phase('done');
  db.close();
  process.exit(0);
}
