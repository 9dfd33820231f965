/**
 * Issue 12's delivery figure: three `newsbrief deliver` processes on one PostgreSQL and Redis send
 * one outbox to a fake platform at its own limits (Telegram: 30 messages/s overall, 1/s per chat;
 * Discord: 50 requests/s overall, 5 per 5 s per channel), the fake counting what it accepts and
 * the 429s it answers. Our side: messages/s over the steady middle (10th to 90th percentile of
 * arrivals), as a share of the limit. Needs the servers of `npm run test:scale` (DATABASE_URL,
 * REDIS_URL) and dist/ (npm run bench builds it).
 */
import type { DeliveryPlatform } from '../tests/scale/delivery/delivery-platforms.js';
import { createDeliveryWorld, receivedPerChat, steadyRate } from '../tests/scale/delivery/outbox-world.js';
import type { BenchRow } from './table.js';

const PER_CHAT = 3;
/** About 30 s of sending each: chats × PER_CHAT messages at the limit. */
const RUNS: { platform: DeliveryPlatform; name: string; limit: number; chats: number }[] = [
  { platform: 'telegram', name: 'Telegram', limit: 30, chats: 300 },
  { platform: 'discord', name: 'Discord', limit: 50, chats: 500 },
];

export async function rows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const run of RUNS) rows.push(await measure(run));
  return rows;
}

async function measure({ platform, name, limit, chats }: (typeof RUNS)[number]): Promise<BenchRow> {
  const world = await createDeliveryWorld({ platform, chats, perChat: PER_CHAT, globalPerSecond: limit });
  try {
    await Promise.all([world.startWorker(), world.startWorker(), world.startWorker()]);
    await world.fake.waitUntil(() => world.delivered() >= world.total, 'every message delivered', 120_000);
    for (const worker of world.workers) await worker.stop('SIGTERM');
    const rate = steadyRate(world.fake.sent);
    const refused = world.fake.tooManyRequests();
    const repeats = [...receivedPerChat(world.fake.sent).values()].reduce(
      (sum, arrivals) => sum + arrivals.length - new Set(arrivals).size,
      0,
    );
    console.log(
      `${name}, 3 deliver processes, ${world.total} messages to ${chats} chats: ${rate.toFixed(1)}/s over the ` +
        `steady middle of a ${limit}/s limit; 429s ${refused}; repeats ${repeats}`,
    );
    const share = rate / limit;
    return {
      figure: `delivery rate, 3 processes against the shared limit (${name} ${limit}/s; 429s: ${refused})`,
      ours: `${rate.toFixed(1)} msg/s`,
      reference: `limit ${limit} msg/s`,
      ratio: share,
      goal: '≥ 0.95× the limit, no 429',
      met: share >= 0.95 && refused === 0,
    };
  } finally {
    await world.close();
  }
}
