import { REST } from 'discord.js';
import { Api } from 'grammy';
import type { Platform } from '../src/core/domain.js';
import type { Messenger } from '../src/core/ports.js';
import { silentLogger } from '../src/logger.js';
import { createConsoleMessenger } from '../src/platforms/console/console-messenger.js';
import { createDiscordMessenger } from '../src/platforms/discord/messenger.js';
import { createTelegramMessenger } from '../src/platforms/telegram/messenger.js';
import type { Db } from '../src/store/database.js';
import { createDigestJob, type DigestJobOptions } from '../src/schedule/digest-job.js';
import { createScheduleCalendar } from '../src/schedule/schedule-calendar.js';

/**
 * The digest bench's world, written with raw SQL in one transaction: 1,000 topics, 1,000,000
 * stories over 30 days (30% in clusters of three outlets, half with two key quotes, 30% in a
 * second topic), 60,000 chats on the three platforms with 100,000 daily subscriptions all due now,
 * watermarks spread over the last day (as subscriptions at different hours have), and the
 * deliveries of earlier digests.
 */

/** BENCH_DIGEST_SCALE=0.1 runs a tenth of the bench, for profiling. */
const SCALE = Number(process.env.BENCH_DIGEST_SCALE ?? 1);
const STORIES = Math.round(1_000_000 * SCALE);
const TOPICS = Math.max(10, Math.round(1000 * SCALE));
const SINGLE_CHATS = Math.round(40_000 * SCALE);
const TRIPLE_CHATS = Math.round(20_000 * SCALE);
const OUTLETS = Array.from({ length: 200 }, (_, index) => `Outlet ${index + 1}`);
const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Europe/Berlin'];
const START = Date.parse('2025-03-01T00:00:00Z');
const STEP = (30 * 86_400_000) / STORIES;
const NOW = new Date('2025-03-31T08:00:30Z');
/** The time the bench's digests are due at (every subscription is due then). */
export const BENCH_NOW = NOW;
const DUE = '2025-03-31T08:00:00.000Z';

const topicOf = (id: number): number => (Math.floor(id / 10) % TOPICS) + 1;

function chatOf(index: number): { id: string; platform: Platform; kind: string } {
  const slot = index % 10;
  if (slot < 5)
    return index % 5 === 0
      ? { id: `telegram:-100${index}`, platform: 'telegram', kind: 'group' }
      : { id: `telegram:${index}`, platform: 'telegram', kind: 'private' };
  if (slot < 9) return { id: `discord:${200000000000000000n + BigInt(index)}`, platform: 'discord', kind: 'channel' };
  return { id: `console:chat-${index}`, platform: 'console', kind: 'private' };
}

export function seedDigestBench(db: Db) {
  db.pragma('synchronous = OFF');
  const at = new Date(START).toISOString();
  db.transaction(() => {
    const topic = db.prepare(`INSERT INTO topics (id, slug, name, created_at) VALUES (?, ?, ?, ?)`);
    for (let id = 1; id <= TOPICS; id++) topic.run(id, `topic-${id}`, `Topic ${id}`, at);
    const cluster = db.prepare(`INSERT INTO story_clusters (id, created_at) VALUES (?, ?)`);
    for (let id = 1; id <= STORIES / 10 + 1; id++) cluster.run(id, at);
    const story = db.prepare(
      `INSERT INTO stories (id, key, url, headline, normalized_headline, source, published_at, arrived_at, eligible_for_digest, cluster_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    const storyTopic = db.prepare(`INSERT INTO story_topics (topic_id, story_id) VALUES (?, ?)`);
    const quote = db.prepare(
      `INSERT INTO quotes (story_id, position, text, speaker, paragraph, key_rank) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (let id = 1; id <= STORIES; id++) {
      const arrived = START + id * STEP;
      const headline = `Council and residents agree on plan number ${id} for the harbour bridge`;
      story.run(
        id,
        `story-${id}`,
        `https://news.example/${id}`,
        headline,
        headline.toLowerCase(),
        OUTLETS[(id * 7) % OUTLETS.length]!,
        new Date(arrived - (id % 120) * 60_000).toISOString(),
        new Date(arrived).toISOString(),
        id % 10 < 3 ? Math.floor(id / 10) + 1 : null,
      );
      const first = topicOf(id);
      storyTopic.run(first, id);
      if (id % 10 >= 7) storyTopic.run(((first + 36) % TOPICS) + 1, id);
      if (id % 2 === 0) {
        quote.run(
          id,
          0,
          `The bridge will open in spring, and it will change the town for good (${id})`,
          'Mayor Jane Doe',
          1,
          1,
        );
        quote.run(id, 1, `We have waited for this for twenty years (${id})`, 'Tom Varga', 3, 2);
      }
    }
    const chat = db.prepare(
      `INSERT INTO chats (id, platform, kind, community_id, timezone, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const subscription = db.prepare(
      `INSERT INTO subscriptions (chat_id, topic_id, schedule, timezone, cap, watermark, next_run_at, created_at)
       VALUES (?, ?, 'daily 08:00', ?, 8, ?, ?, ?)`,
    );
    const delivery = db.prepare(
      `INSERT OR IGNORE INTO deliveries (chat_id, story_id, subscription_id, delivered_at) VALUES (?, ?, NULL, ?)`,
    );
    for (let index = 1; index <= SINGLE_CHATS + TRIPLE_CHATS; index++) {
      const { id, platform, kind } = chatOf(index);
      const zone = ZONES[index % ZONES.length]!;
      chat.run(id, platform, kind, kind === 'private' ? null : id, zone, at);
      // Subscriptions at different hours of the day have their watermarks at different stories.
      const watermark = STORIES - Math.round((33_000 + (index % 24) * 1000) * SCALE);
      const count = index <= SINGLE_CHATS ? 1 : 3;
      for (let k = 0; k < count; k++)
        subscription.run(id, ((index * 13 + k * 101) % TOPICS) + 1, zone, watermark, DUE, at);
      for (let k = 1; k <= 8; k++) delivery.run(id, watermark - k * 3, at);
      if (count === 3) for (let k = 1; k <= 2; k++) delivery.run(id, watermark + k * 97, at);
    }
  })();
  db.pragma('synchronous = NORMAL');
  return {
    stories: STORIES,
    topics: TOPICS,
    chats: SINGLE_CHATS + TRIPLE_CHATS,
    subscriptions: SINGLE_CHATS + TRIPLE_CHATS * 3,
    now: NOW,
  };
}

/** The platforms' real messengers, used for rendering only (no client ever connects). */
export function renderMessengers(): Record<Platform, Messenger> {
  return {
    telegram: createTelegramMessenger({
      api: new Api('123456:bench-token-never-used-for-any-request'),
      logger: silentLogger,
    }),
    discord: createDiscordMessenger({ rest: new REST(), logger: silentLogger }),
    console: createConsoleMessenger(process.stderr),
  };
}

/**
 * The digest job as the bench runs it on either store: the real job with the render-only
 * messengers and a fixed clock; `sharing` as a worker process on PostgreSQL has it.
 */
export function benchDigestJob(
  stores: Pick<DigestJobOptions, 'subscriptions'> & {
    digests: DigestJobOptions['source'] & DigestJobOptions['ledger'];
  },
  now: Date,
  sharing?: DigestJobOptions['sharing'],
) {
  const messengers = renderMessengers();
  return createDigestJob({
    subscriptions: stores.subscriptions,
    source: stores.digests,
    ledger: stores.digests,
    calendar: createScheduleCalendar(),
    messengerFor: (platform) => messengers[platform],
    clock: { now: () => now },
    logger: silentLogger,
    ...(sharing ? { sharing } : {}),
  });
}
