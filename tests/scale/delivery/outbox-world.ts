import pg from 'pg';
import { startBot } from '../../helpers/bot-process.js';
import { createPool, quoteIdent } from '../../../src/store/postgres/connect.js';
import { migratePostgres } from '../../../src/store/postgres/migrate.js';
import { DATABASE_URL, REDIS_URL, uniqueName } from '../helpers/servers.js';
import {
  startPlatform,
  type Arrival,
  type DeliveryFake,
  type DeliveryPlatform,
  type PlatformSetup,
} from './delivery-platforms.js';

export type { DeliveryPlatform } from './delivery-platforms.js';

/**
 * A world for `newsbrief deliver` processes: a database of its own with chats and their outbox,
 * the fake Telegram or Discord enforcing its limits (and counting 429s), the processes, and what
 * the fake received, read back per chat.
 */

/**
 * The platform's overall limit, scaled so 3,000 messages take about 30 s: Telegram's 30
 * messages/s ×3, Discord's 50 requests/s ×2; the per-chat limits are kept (delivery-platforms.ts).
 * (At 300/s three processes on a shared 2-core machine measured 0.45 of it: the machine, not the
 * limit, set the pace.)
 */
export const GLOBAL_PER_SECOND = 100;
/** The message text the fake receives: chat and position, to check order and count duplicates. */
const textOf = (chat: number, n: number): string => `chat ${chat} message ${n}`;
const TEXT = /^chat (\d+) message (\d+)$/;

export interface DeliveryWorld {
  platform: DeliveryPlatform;
  fake: DeliveryFake;
  databaseUrl: string;
  total: number;
  /** Starts one `newsbrief deliver`; resolves once it runs. */
  startWorker(): Promise<ReturnType<typeof startBot>>;
  workers: ReturnType<typeof startBot>[];
  /** Distinct messages the fake accepted. */
  delivered(): number;
  close(): Promise<void>;
}

export async function createDeliveryWorld(options: {
  /** Default telegram. */
  platform?: DeliveryPlatform;
  chats: number;
  perChat: number;
  /** The fake's overall limit, which the processes are told too (default GLOBAL_PER_SECOND). */
  globalPerSecond?: number;
}): Promise<DeliveryWorld> {
  const platform = options.platform ?? 'telegram';
  const globalPerSecond = options.globalPerSecond ?? GLOBAL_PER_SECOND;
  const name = uniqueName('nb_deliver');
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const setup = await startPlatform(platform, globalPerSecond);
  const pool = createPool(databaseUrl, { max: 2 });
  await migratePostgres(pool);
  await seed(pool, platform, setup, options.chats, options.perChat);
  await pool.end();

  const { fake } = setup;
  const workers: ReturnType<typeof startBot>[] = [];
  const seen = new Set<string>();
  let counted = 0;
  return {
    platform,
    fake,
    databaseUrl,
    total: options.chats * options.perChat,
    workers,
    async startWorker() {
      const worker = startBot(
        {
          DATABASE_URL: databaseUrl,
          REDIS_URL,
          ...setup.env,
          OUTBOX_LEASE_SECONDS: '2',
          LOG_LEVEL: 'warn',
        },
        'deliver',
      );
      workers.push(worker);
      await worker.waitFor(/newsbrief deliver: running as/);
      return worker;
    },
    delivered() {
      const { sent } = fake;
      for (; counted < sent.length; counted++) seen.add(sent[counted]!.text);
      return seen.size;
    },
    async close() {
      for (const worker of workers) await worker.stop('SIGKILL');
      await fake.close();
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Chats 1…n, each with `perChat` messages; ids interleaved over the chats, as digests at one tick would be. */
async function seed(
  pool: pg.Pool,
  platform: DeliveryPlatform,
  setup: PlatformSetup,
  chats: number,
  perChat: number,
): Promise<void> {
  const at = new Date().toISOString();
  const ids = Array.from({ length: chats }, (_, index) => setup.chatId(index + 1));
  await pool.query(
    `INSERT INTO chats (id, platform, kind, created_at) SELECT id, $2, $3, $4 FROM unnest($1::text[]) AS id`,
    [ids, platform, setup.chatKind, at],
  );
  const rows: string[][] = [];
  for (let n = 1; n <= perChat; n++) {
    for (let chat = 1; chat <= chats; chat++) {
      rows.push([setup.chatId(chat), `scale:${chat}:${n}`, JSON.stringify(setup.payload(textOf(chat, n)))]);
    }
  }
  await pool.query(
    `INSERT INTO outbox (chat_id, idempotency_key, payload, next_attempt_at, created_at)
     SELECT chat_id, key, payload, $4, $4
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS rows (chat_id, key, payload, position)
     ORDER BY position`,
    [rows.map((row) => row[0]), rows.map((row) => row[1]), rows.map((row) => row[2]), at],
  );
}

/** What the fake received, per chat: positions in arrival order. */
export function receivedPerChat(sent: readonly Arrival[]): Map<number, number[]> {
  const perChat = new Map<number, number[]>();
  for (const message of sent) {
    const match = TEXT.exec(message.text);
    if (!match) continue;
    const chat = Number(match[1]);
    perChat.set(chat, [...(perChat.get(chat) ?? []), Number(match[2])]);
  }
  return perChat;
}

/** Messages per second the fake accepted over the steady middle: from the 10th to the 90th percentile of arrivals. */
export function steadyRate(sent: readonly Arrival[]): number {
  const times = sent.map((message) => message.at).sort((a, b) => a - b);
  const from = Math.floor(times.length * 0.1);
  const to = Math.floor(times.length * 0.9);
  return (to - from) / ((times[to]! - times[from]!) / 1000);
}

/** Sends the fake accepted in each second from the first: shown with the figures. */
export function perSecond(sent: readonly Arrival[]): number[] {
  const first = Math.min(...sent.map((message) => message.at));
  const counts: number[] = [];
  for (const message of sent) {
    const second = Math.floor((message.at - first) / 1000);
    counts[second] = (counts[second] ?? 0) + 1;
  }
  return Array.from(counts, (count) => count ?? 0);
}
