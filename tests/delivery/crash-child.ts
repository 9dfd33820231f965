/**
 * The child of the crash test: a real digest run — the due-digest job, then the delivery worker —
 * over a SQLite file, sending to a fake platform over HTTP. Prints `ready` when its first send
 * starts; the test kills it with SIGKILL at a random moment after that.
 *
 * argv: <database path> <platform URL> <the time it is, ISO>
 */
import { packEntries } from '../../src/core/digest/pack.js';
import { renderEntryText } from '../../src/core/digest/render-text.js';
import type { Messenger, OutgoingMessage } from '../../src/core/ports.js';
import { createOutboxWorker } from '../../src/delivery/outbox-worker.js';
import { DEFAULT_PACING } from '../../src/delivery/pacing.js';
import { createDigestJob } from '../../src/schedule/digest-job.js';
import { createScheduleCalendar } from '../../src/schedule/schedule-calendar.js';
import { silentLogger } from '../../src/logger.js';
import { openDatabase } from '../../src/store/database.js';
import { createStores } from '../../src/store/index.js';

const [databasePath, platformUrl, nowIso] = process.argv.slice(2) as [string, string, string];
const offset = Date.parse(nowIso) - Date.now();
const clock = { now: () => new Date(Date.now() + offset) };
const phase = (name: string): void => void process.stdout.write(`phase:${name}\n`);
let ready = false;

const messenger: Messenger = {
  platform: 'telegram',
  renderDigest(digest): OutgoingMessage[] {
    const entries = digest.sections.flatMap((section) =>
      section.entries.map((entry) => renderEntryText(entry, digest.timezone)),
    );
    // Small parts, so many digests are several messages.
    return packEntries(entries, (chunk) => chunk.join('\n').length, 450).map((part) => ({
      platform: 'telegram',
      body: { text: part.join('\n') },
    }));
  },
  async send(chatId, message) {
    if (!ready) {
      ready = true;
      process.stdout.write('ready\n');
    }
    try {
      const response = await fetch(platformUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chatId, key: message.idempotencyKey, text: (message.body as { text: string }).text }),
      });
      return response.ok ? { ok: true } : { ok: false, kind: 'transient', error: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, kind: 'transient', error: String(error) };
    }
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
  chatsPerBatch: 5,
});
const worker = createOutboxWorker({
  outbox: stores.outbox,
  control: stores.deliveryControl,
  chats: stores.chats,
  messengerFor,
  pacing: { ...DEFAULT_PACING, telegramMessagesPerSecond: 400, telegramChatMessagesPerSecond: 20 },
  clock,
  logger: silentLogger,
  maxInFlight: 8,
  backoffMs: () => 50,
});
phase('planning');
await job.runDue();
phase('sending');
await worker.drain();
phase('done');
db.close();
process.exit(0);
