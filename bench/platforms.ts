/**
 * `npm run bench` part for the platforms: what a command costs end to end through the real
 * clients (grammY with @grammyjs/runner, discord.js) against the local fake platforms, and how
 * fast digests render. Goals: a command's round trip p95 ≤ 50 ms on each platform; rendering
 * ≥ 2,000 ten-story digests per second on each platform.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../src/config.js';
import type { Digest } from '../src/core/reply.js';
import { silentLogger } from '../src/logger.js';
import { createApp, type App } from '../src/main.js';
import { renderDiscordDigest } from '../src/platforms/discord/render.js';
import { startDiscord } from '../src/platforms/discord/start.js';
import { renderTelegramDigest } from '../src/platforms/telegram/render.js';
import { startTelegram } from '../src/platforms/telegram/start.js';
import { startFakeDiscord } from '../tests/helpers/fake-discord.js';
import { startFakeTelegram } from '../tests/helpers/fake-telegram.js';
import type { BenchRow } from './table.js';

const COMMANDS = 300;

/** This run's rows, in the order measured (one run of the part at a time). */
const measured: BenchRow[] = [];

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

function report(name: string, samples: number[], goalMs: number): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const p95 = percentile(sorted, 0.95);
  console.log(
    `${name}: ${samples.length} commands, p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (goal p95 ≤ ${goalMs} ms: ${p95 <= goalMs ? 'met' : 'MISSED'})`,
  );
  measured.push({
    figure: `${name.split(' (')[0]}: p95`,
    ours: `${p95.toFixed(1)} ms`,
    reference: null,
    ratio: null,
    goal: `≤ ${goalMs} ms`,
    met: p95 <= goalMs,
  });
}

async function benchTelegramRoundTrip(app: App): Promise<void> {
  const fake = await startFakeTelegram();
  const bot = await startTelegram({
    token: fake.token,
    apiRoot: fake.apiRoot,
    operatorIds: [],
    services: app.services,
    logger: silentLogger,
  });
  const samples: number[] = [];
  try {
    for (let index = 0; index < COMMANDS; index++) {
      const started = performance.now();
      fake.userSays({ id: 42, first_name: 'Bench' }, { id: 42, type: 'private' }, '/topics');
      await fake.waitForMessages(index + 1, 42);
      samples.push(performance.now() - started);
    }
  } finally {
    await bot.stop();
    await fake.close();
  }
  report('telegram /topics round trip (update → getUpdates → dispatch → sendMessage)', samples, 50);
}

async function benchDiscordRoundTrip(app: App): Promise<void> {
  const fake = await startFakeDiscord({
    guilds: [{ id: '500', name: 'Bench', channels: [{ id: '600', name: 'news', type: 0 }] }],
  });
  const loadStarted = performance.now();
  const client = await startDiscord({
    token: fake.token,
    apiRoot: fake.apiRoot,
    operatorIds: [],
    services: app.services,
    logger: silentLogger,
  });
  console.log(`discord: login to READY against the fake in ${(performance.now() - loadStarted).toFixed(0)} ms`);
  const samples: number[] = [];
  try {
    for (let index = 0; index < COMMANDS; index++) {
      const started = performance.now();
      const id = fake.interact({
        name: 'topics',
        guildId: '500',
        channelId: '600',
        user: { id: '7001', username: 'bench' },
      });
      await fake.waitForResponses(id);
      samples.push(performance.now() - started);
    }
  } finally {
    await client.stop();
    await fake.close();
  }
  report('discord /topics round trip (INTERACTION_CREATE → dispatch → callback)', samples, 50);
}

function benchRendering(): void {
  const digest: Digest = {
    chatId: 'bench:1',
    title: 'Morning digest',
    timezone: 'Europe/London',
    sections: [
      {
        topicSlug: 'world',
        topicName: 'World',
        more: 4,
        entries: Array.from({ length: 10 }, (_, index) => ({
          storyIds: [index],
          headline: `Headline number ${index} with <markup> & **stars**`,
          url: `https://news.example/${index}`,
          source: 'Example News',
          time: '2025-03-03T08:12:00.000Z',
          alsoCoveredBy: ['Other Outlet'],
          quotes: [
            {
              text: 'A quotation of a reasonable length, said by someone who matters. '.repeat(3),
              speaker: 'A Speaker',
              paragraph: 0,
            },
          ],
        })),
      },
    ],
  };
  for (const [name, render] of [
    ['telegram', renderTelegramDigest],
    ['discord', renderDiscordDigest],
  ] as const) {
    const count = 5000;
    const started = performance.now();
    for (let index = 0; index < count; index++) render(digest);
    const perSecond = count / ((performance.now() - started) / 1000);
    console.log(
      `${name}: ${perSecond.toFixed(0)} ten-story digests rendered per second (goal ≥ 2000: ${perSecond >= 2000 ? 'met' : 'MISSED'})`,
    );
    measured.push({
      figure: `${name}: ten-story digests rendered per second`,
      ours: `${perSecond.toFixed(0)}/s`,
      reference: null,
      ratio: null,
      goal: '≥ 2,000/s',
      met: perSecond >= 2000,
    });
  }
}

export async function benchPlatforms(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-platforms-'));
  const app = await createApp(parseConfig({ DATABASE_PATH: join(dir, 'bench.db'), LOG_LEVEL: 'silent' }), silentLogger);
  try {
    await app.stores.topics.create({ slug: 'world', name: 'World', description: 'World news', communityId: null });
    benchRendering();
    await benchTelegramRoundTrip(app);
    await benchDiscordRoundTrip(app);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The part's rows: command round trips and rendering rates (goals from the platform issues). */
export async function rows(): Promise<BenchRow[]> {
  measured.length = 0;
  await benchPlatforms();
  return [...measured];
}
