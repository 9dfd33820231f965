import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from 'discord.js';
import { Api } from 'grammy';
import type { ChatKind, Platform } from '../src/core/domain.js';
import type { Messenger } from '../src/core/ports.js';
import type { Digest } from '../src/core/reply.js';
import { createOutboxWorker } from '../src/delivery/outbox-worker.js';
import { DEFAULT_PACING } from '../src/delivery/pacing.js';
import { silentLogger } from '../src/logger.js';
import { createDiscordMessenger } from '../src/platforms/discord/messenger.js';
import { createTelegramMessenger } from '../src/platforms/telegram/messenger.js';
import { openDatabase } from '../src/store/database.js';
import { createStores } from '../src/store/index.js';
import { startFakeDiscord } from '../tests/helpers/fake-discord.js';
import { startFakeTelegram } from '../tests/helpers/fake-telegram.js';
import type { BenchRow } from './table.js';

/**
 * Delivery throughput: 3,000 messages to 1,000 chats on each platform, queued in the outbox and
 * sent by the delivery worker through the real Telegram (grammY) and Discord (discord.js REST)
 * messengers to local fakes that enforce the platforms' limits with 429s. Both platforms at once.
 */

const CHATS = 1000;
const PER_CHAT = 3;

const digestFor = (chatId: string, part: number): Digest => ({
  chatId,
  title: `Morning digest, part ${part}`,
  timezone: 'Europe/London',
  sections: [
    {
      topicSlug: 'world',
      topicName: 'World',
      more: 0,
      entries: [
        {
          storyIds: [part],
          headline: `Council approves the new bridge (${part})`,
          url: 'https://news.example/bridge',
          source: 'Example News',
          time: '2025-03-03T08:12:00.000Z',
          alsoCoveredBy: ['Other Outlet'],
          quotes: [{ text: 'This bridge will change the town', speaker: 'Mayor Jane Doe', paragraph: 1 }],
        },
      ],
    },
  ],
});

interface PlatformRun {
  platform: Platform;
  limit: number;
  /** When each send finished successfully (ms). */
  done: number[];
  /** How long each send took, start to answer (ms). */
  took: number[];
  started: number;
}

function report(run: PlatformRun, rejected429: number, limitName: string): { line: string; row: BenchRow } {
  const times = [...run.done].sort((a, b) => a - b);
  // The windows the platform was busy for: from the first send to a full window after the last began.
  const seconds = (times.at(-1)! - run.started) / 1000 + 1;
  const rate = times.length / seconds;
  const fraction = rate / run.limit;
  const took = [...run.took].sort((a, b) => a - b);
  const latency = `round trip median ${took[Math.floor(took.length / 2)]} ms, p95 ${took[Math.floor(took.length * 0.95)]} ms`;
  const line = `  ${run.platform}: ${latency}; ${times.length} messages in ${seconds.toFixed(1)} s = ${rate.toFixed(1)}/s, ${fraction.toFixed(3)} of ${limitName} (goal ≥ 0.95: ${fraction >= 0.95 ? 'met' : 'NOT met'}); 429s answered by the fake: ${rejected429}`;
  const row: BenchRow = {
    figure: `delivery to a fake ${run.platform} with its limits: rate, 429s`,
    ours: `${rate.toFixed(1)}/s, ${rejected429} × 429`,
    reference: limitName,
    ratio: fraction,
    goal: '≥ 0.95× the limit, no 429',
    met: fraction >= 0.95 && rejected429 === 0,
  };
  return { line, row };
}

export async function benchDelivery(): Promise<BenchRow[]> {
  const telegram = await startFakeTelegram({ limits: true });
  const discord = await startFakeDiscord({ limits: true });
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-delivery-'));
  const db = openDatabase(join(dir, 'delivery.db'));
  try {
    const stores = createStores(db);
    const runs: Record<'telegram' | 'discord', PlatformRun> = {
      telegram: {
        platform: 'telegram',
        limit: DEFAULT_PACING.telegramMessagesPerSecond,
        done: [],
        took: [],
        started: 0,
      },
      discord: { platform: 'discord', limit: DEFAULT_PACING.discordRequestsPerSecond, done: [], took: [], started: 0 },
    };
    const timed = (messenger: Messenger, run: PlatformRun): Messenger => ({
      ...messenger,
      renderDigest: (digest) => messenger.renderDigest(digest),
      async send(chatId, message) {
        const start = Date.now();
        run.started ||= start;
        const result = await messenger.send(chatId, message);
        if (result.ok) run.done.push(Date.now());
        run.took.push(Date.now() - start);
        return result;
      },
    });
    const messengers: Partial<Record<Platform, Messenger>> = {
      telegram: timed(
        createTelegramMessenger({ api: new Api(telegram.token, { apiRoot: telegram.apiRoot }), logger: silentLogger }),
        runs.telegram,
      ),
      discord: timed(
        createDiscordMessenger({
          rest: new REST({ api: discord.apiRoot, rejectOnRateLimit: () => true, retries: 0 }).setToken(discord.token),
          logger: silentLogger,
        }),
        runs.discord,
      ),
    };

    const at = new Date().toISOString();
    await stores.transaction(async () => {
      for (let index = 0; index < CHATS; index++) {
        // Telegram: four in five private chats, one in five groups (20 a minute each, too).
        const group = index % 5 === 0;
        const chats: { id: string; platform: 'telegram' | 'discord'; kind: ChatKind }[] = [
          {
            id: `telegram:${group ? -(100_000 + index) : 100_000 + index}`,
            platform: 'telegram',
            kind: group ? 'group' : 'private',
          },
          { id: `discord:${300000000000000000n + BigInt(index)}`, platform: 'discord', kind: 'channel' },
        ];
        for (const chat of chats) {
          await stores.chats.ensure({
            id: chat.id,
            platform: chat.platform,
            kind: chat.kind,
            communityId: chat.kind === 'private' ? null : chat.id,
          });
          const messages = Array.from({ length: PER_CHAT }, (_, part) => ({
            key: `bench:${chat.id}#${part + 1}`,
            payload: JSON.stringify(messengers[chat.platform]!.renderDigest(digestFor(chat.id, part + 1))[0]),
          }));
          await stores.digests.commit({ chatId: chat.id, at, messages, deliveries: [], advances: [] });
        }
      }
    });

    const worker = createOutboxWorker({
      outbox: stores.outbox,
      control: stores.deliveryControl,
      chats: stores.chats,
      messengerFor: (platform) => messengers[platform],
      pacing: DEFAULT_PACING,
      clock: { now: () => new Date() },
      logger: silentLogger,
    });
    console.log(
      `delivery: ${CHATS * PER_CHAT} messages to ${CHATS} chats on each of a fake Telegram Bot API and a fake Discord REST API (limits enforced), at once`,
    );
    await worker.drain();
    const telegram429 = telegram.calls.filter((call) => call.method === 'sendMessage' && !call.ok).length;
    const discord429 = discord.requests.filter((request) => request.status === 429).length;
    const reports = [
      report(runs.telegram, telegram429, `Telegram's ${runs.telegram.limit} messages/s`),
      report(runs.discord, discord429, `Discord's ${runs.discord.limit} requests/s`),
    ];
    for (const { line } of reports) console.log(line);
    const stats = worker.stats();
    console.log(
      `  worker: ${stats.sent} sent, ${stats.rateLimited} rate-limited results waited out, ${stats.transientFailures} transient failures; outbox ${JSON.stringify(await stores.outbox.counts())}`,
    );
    return reports.map(({ row }) => row);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    await telegram.close();
    await discord.close();
  }
}
