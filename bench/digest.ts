/**
 * `npm run bench` part for digests and delivery:
 * 1. build every due digest for 100,000 subscriptions over 1,000,000 stories (the real due query,
 *    planning and platform rendering; then the whole job, writing outbox, deliveries and watermarks),
 *    in its own process pinned to one core (taskset, when present). Goal: building ≤ 15 s.
 * 2. deliver 3,000 messages to 1,000 chats on each of a local fake Telegram Bot API and a local fake
 *    Discord REST API that enforce the platforms' limits and answer 429 beyond them, through the real
 *    messengers and the delivery worker's pacer. Goal: ≥ 0.95 of each limit, no 429.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDelivery } from './digest-delivery.js';
import { seedDigestBench } from './digest-seed.js';

const THIS_FILE = fileURLToPath(import.meta.url);

function pinned(command: string, args: string[]): [string, string[]] {
  return existsSync('/usr/bin/taskset') ? ['taskset', ['-c', '0', command, ...args]] : [command, args];
}

async function buildChild(databasePath: string): Promise<void> {
  const { openDatabase } = await import('../src/store/database.js');
  const { createStores } = await import('../src/store/index.js');
  const { createDigestJob } = await import('../src/schedule/digest-job.js');
  const { createScheduleCalendar } = await import('../src/schedule/schedule-calendar.js');
  const { renderMessengers } = await import('./digest-seed.js');
  const { silentLogger } = await import('../src/logger.js');
  const started = performance.now();
  const db = openDatabase(databasePath);
  const seeded = seedDigestBench(db);
  const seedSeconds = (performance.now() - started) / 1000;
  const stores = createStores(db);
  const messengers = renderMessengers();
  const job = createDigestJob({
    subscriptions: stores.subscriptions,
    source: stores.digests,
    ledger: stores.digests,
    calendar: createScheduleCalendar(),
    messengerFor: (platform) => messengers[platform],
    clock: { now: () => seeded.now },
    logger: silentLogger,
  });
  // CPU seconds as well as wall-clock ones: on a shared machine the core may be busy with others.
  const time = async (run: () => Promise<unknown>): Promise<[number, unknown, number]> => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = await run();
    const used = process.cpuUsage(cpu);
    return [(performance.now() - start) / 1000, result, (used.user + used.system) / 1e6];
  };
  const [buildSeconds, built, buildCpu] = await time(() => job.runDue({ write: false, render: false }));
  const [renderSeconds, rendered, renderCpu] = await time(() => job.runDue({ write: false }));
  const [jobSeconds, ran, jobCpu] = await time(() => job.runDue());
  const memory = process.resourceUsage().maxRSS / 1e3;
  const result = {
    seeded,
    seedSeconds,
    buildSeconds,
    buildCpu,
    built,
    renderSeconds,
    renderCpu,
    rendered,
    jobSeconds,
    jobCpu,
    ran,
    memory,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
  db.close();
}

async function benchBuild(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-digest-'));
  try {
    const [command, args] = pinned(process.execPath, ['--import', 'tsx', THIS_FILE, '--build', join(dir, 'bench.db')]);
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`build bench failed (${code})`))));
    });
    type Counts = { due: number; digests: number; messages: number };
    const result = JSON.parse(output.trim().split('\n').at(-1)!) as {
      seeded: { stories: number; subscriptions: number; chats: number; topics: number };
      seedSeconds: number;
      buildSeconds: number;
      buildCpu: number;
      built: Counts;
      renderSeconds: number;
      renderCpu: number;
      rendered: Counts;
      jobSeconds: number;
      jobCpu: number;
      ran: Counts;
      memory: number;
    };
    const { seeded, built, rendered, ran } = result;
    const took = (wall: number, cpu: number): string => `${wall.toFixed(2)} s (${cpu.toFixed(2)} s of CPU)`;
    console.log(
      `digest: ${seeded.subscriptions} subscriptions (${seeded.chats} chats, ${seeded.topics} topics) over ${seeded.stories} stories, one core${existsSync('/usr/bin/taskset') ? ' (taskset)' : ''}; seeded in ${result.seedSeconds.toFixed(1)} s`,
    );
    console.log(
      `  build every due digest (due query, selection, ranking, neutral digests): ${built.due} due → ${built.digests} digests in ${took(result.buildSeconds, result.buildCpu)}  (goal ≤ 15 s: ${result.buildSeconds <= 15 ? 'met' : result.buildCpu <= 15 ? 'met in CPU time; the core was shared' : 'NOT met'})`,
    );
    console.log(
      `  build and render for each chat's platform: ${rendered.messages} messages in ${took(result.renderSeconds, result.renderCpu)}`,
    );
    console.log(
      `  the whole job (build, render, write outbox, deliveries, watermarks, next runs): ${ran.digests} digests, ${ran.messages} messages in ${took(result.jobSeconds, result.jobCpu)}; peak RSS ${result.memory.toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDigest(): Promise<void> {
  await benchBuild();
  await benchDelivery();
}

if (process.argv[2] === '--build') {
  await buildChild(process.argv[3]!);
  process.exit(0);
} else if (process.argv[1] === THIS_FILE) {
  // `npx tsx bench/digest.ts`: this part alone.
  await benchDigest();
}
