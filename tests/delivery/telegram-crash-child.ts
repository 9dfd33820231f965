/**
 * The child of the Telegram crash test: the due-digest job, then the delivery worker with the
 * real Telegram messenger (grammY's Api, Telegram HTML rendering) over a SQLite file, against a
 * slow fake Bot API. Prints `ready` when its first sendMessage starts; killed with SIGKILL at a
 * random moment after that.
 *
 * argv: <database path> <Bot API root> <the time it is, ISO>
 */
import { Api } from 'grammy';
import type { Messenger } from '../../src/core/ports.js';
import { createOutboxWorker } from '../../src/delivery/outbox-worker.js';
import { DEFAULT_PACING } from '../../src/delivery/pacing.js';
import { silentLogger } from '../../src/logger.js';
import { createTelegramMessenger } from '../../src/platforms/telegram/messenger.js';
import { createDigestJob } from '../../src/schedule/digest-job.js';
import { createScheduleCalendar } from '../../src/schedule/schedule-calendar.js';
import { openDatabase } from '../../src/store/database.js';
import { createStores } from '../../src/store/index.js';

const [databasePath, apiRoot, nowIso] = process.argv.slice(2) as [string, string, string];
const offset = Date.parse(nowIso) - Date.now();
const clock = { now: () => new Date(Date.now() + offset) };
const phase = (name: string): void => void process.stdout.write(`phase:${name}\n`);

const telegram = createTelegramMessenger({ api: new Api('123:crash-test', { apiRoot }), logger: silentLogger });
let ready = false;
const messenger: Messenger = {
  ...telegram,
  send(chatId, message) {
    if (!ready) {
      ready = true;
      process.stdout.write('ready\n');
    }
    return telegram.send(chatId, message);
  },
};

phase('starting');
const db = openDatabase(databasePath);
const stores = createStores(db);
const messengerFor = (platform: string) => (platform === 'telegram' ? messenger : undefined);
const job = createDigestJob({
  subscriptions: stores.subscriptions,
  source: stores.digests,
  ledger: stores.digests,
  calendar: createScheduleCalendar(),
  messengerFor,
  clock,
  logger: silentLogger,
});
const worker = createOutboxWorker({
  outbox: stores.outbox,
  control: stores.deliveryControl,
  chats: stores.chats,
  messengerFor,
  // Telegram's own limits would make this test minutes long; the per-chat order is what matters.
  pacing: { ...DEFAULT_PACING, telegramMessagesPerSecond: 400, telegramChatMessagesPerSecond: 50 },
  clock,
  logger: silentLogger,
  backoffMs: () => 50,
});
phase('planning');
await job.runDue();
phase('sending');
await worker.drain();
phase('done');
db.close();
process.exit(0);
