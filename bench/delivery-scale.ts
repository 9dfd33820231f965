/**
 * Issue 12's delivery figure: three `newsbrief deliver` processes on one PostgreSQL and Redis send
 * one outbox to the fake Telegram at Telegram's own limits (30 messages/s overall, 1/s per chat),
 * the fake counting what it accepts and the 429s it answers. Our side: messages/s over the steady
 * middle (10th to 90th percentile of arrivals), as a share of the limit. Needs the servers of
 * `npm run test:scale` (DATABASE_URL, REDIS_URL) and dist/ (npm run bench builds it).
 */
import { createDeliveryWorld, receivedPerChat, steadyRate } from '../tests/scale/delivery/outbox-world.js';
import type { BenchRow } from './table.js';

const LIMIT = 30;
const CHATS = 300;
const PER_CHAT = 3;

export async function rows(): Promise<BenchRow[]> {
  const world = await createDeliveryWorld({ chats: CHATS, perChat: PER_CHAT, globalPerSecond: LIMIT });
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
      `3 deliver processes, ${world.total} messages to ${CHATS} chats: ${rate.toFixed(1)}/s over the steady middle ` +
        `of a ${LIMIT}/s limit; 429s ${refused}; repeats ${repeats}`,
    );
    const share = rate / LIMIT;
    return [
      {
        figure: `delivery rate, 3 processes against the shared limit (Telegram ${LIMIT}/s; 429s: ${refused})`,
        ours: `${rate.toFixed(1)} msg/s`,
        reference: `limit ${LIMIT} msg/s`,
        ratio: share,
        goal: '≥ 0.95× the limit, no 429',
        met: share >= 0.95 && refused === 0,
      },
    ];
  } finally {
    await world.close();
  }
}
