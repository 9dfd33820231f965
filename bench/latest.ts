/**
 * `npm run bench` part for /latest at a million stories: the digest bench's world (1,000,000
 * stories in 1,000 topics, 30% in clusters of three outlets, see digest-seed.ts), then /latest as
 * the command runs it (the store's latest stories and each entry's "also covered by" and key
 * quote) for a chat following nothing (every topic), one topic, and several topics. Prints p50 and
 * p99 per shape. Goal: p99 ≤ 5 ms in every shape.
 *
 * Runs in its own process pinned to one core (taskset, when present). BENCH_LATEST_DB=<path> keeps
 * the seeded database there and reuses it on the next run (seeding takes a minute or two).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './table.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const GOAL_MS = 5;
const ROUNDS = 400;

interface ShapeResult {
  shape: string;
  p50: number;
  p99: number;
  /** The same percentiles in CPU time: what the call costs when the core is not taken by others. */
  cpuP50: number;
  cpuP99: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function latestChild(databasePath: string): Promise<void> {
  const { openDatabase } = await import('../src/store/database.js');
  const { createStoryStore } = await import('../src/store/story-store.js');
  const { storyEntryOf } = await import('../src/core/story-entry.js');
  const { seedDigestBench } = await import('./digest-seed.js');
  const seeded = existsSync(databasePath);
  const db = openDatabase(databasePath);
  if (!seeded) seedDigestBench(db);
  const topics = (db.prepare(`SELECT count(*) AS n FROM topics`).get() as { n: number }).n;
  const stories = createStoryStore(db);
  // What /latest does once it knows its topics: the stories, then each entry's other outlets and quote.
  const latest = async (topicIds: number[], count: number): Promise<number> =>
    (await Promise.all((await stories.latest(topicIds, count)).map((story) => storyEntryOf(stories, story, 1)))).length;
  const all = Array.from({ length: topics }, (_, index) => index + 1);
  const shapes: [string, (round: number) => Promise<number>][] = [
    ['every topic (a chat following nothing), 5 stories', () => latest(all, 5)],
    ['every topic, 10 stories', () => latest(all, 10)],
    ['one topic, 5 stories', (round) => latest([(round % topics) + 1], 5)],
    [
      'three topics, 5 stories',
      (round) =>
        latest(
          [1, 2, 3].map((k) => ((round * 13 + k * 101) % topics) + 1),
          5,
        ),
    ],
    [
      'twenty topics, 10 stories',
      (round) =>
        latest(
          all.filter((id) => (id + round) % 50 === 0),
          10,
        ),
    ],
    [
      'half the topics, 5 stories',
      (round) =>
        latest(
          all.filter((id) => (id + round) % 2 === 0),
          5,
        ),
    ],
  ];
  const results: ShapeResult[] = [];
  for (const [shape, run] of shapes) {
    for (let round = 0; round < 20; round++) await run(round);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      if ((await run(round)) === 0) throw new Error(`no stories for ${shape}`);
      times.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    results.push({
      shape,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      cpuP50: percentile(cpuTimes, 50),
      cpuP99: percentile(cpuTimes, 99),
    });
  }
  process.stdout.write(JSON.stringify(results) + '\n');
  db.close();
}

/** Runs the bench in a child process; returns one row per shape (p99 against the 5 ms goal). */
export async function benchLatest(): Promise<BenchRow[]> {
  const keep = process.env.BENCH_LATEST_DB;
  const dir = keep ? null : mkdtempSync(join(tmpdir(), 'newsbrief-bench-latest-'));
  try {
    const args = ['--import', 'tsx', THIS_FILE, '--child', keep ?? join(dir!, 'bench.db')];
    const [command, argv] = existsSync('/usr/bin/taskset')
      ? ['taskset', ['-c', '0', process.execPath, ...args]]
      : [process.execPath, args];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`latest bench failed (${code})`))));
    });
    const results = JSON.parse(output.trim().split('\n').at(-1)!) as ShapeResult[];
    console.log('latest: /latest over 1,000,000 stories in 1,000 topics, one core');
    for (const { shape, p50, p99, cpuP50, cpuP99 } of results) {
      console.log(
        `  ${shape.padEnd(52)} p50 ${p50.toFixed(2).padStart(7)} ms  p99 ${p99.toFixed(2).padStart(7)} ms  (CPU time: p50 ${cpuP50.toFixed(2)} ms, p99 ${cpuP99.toFixed(2)} ms)`,
      );
    }
    return results.map(({ shape, p99, cpuP99 }) => ({
      figure: `/latest at 1M stories, ${shape}: p99`,
      ours: `${p99.toFixed(2)} ms (CPU ${cpuP99.toFixed(2)} ms)`,
      reference: null,
      ratio: null,
      goal: `≤ ${GOAL_MS} ms`,
      met: p99 <= GOAL_MS,
    }));
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export const rows = benchLatest;

if (process.argv[2] === '--child') {
  await latestChild(process.argv[3]!);
  process.exit(0);
} else if (process.argv[1] === THIS_FILE) {
  await benchLatest();
}
