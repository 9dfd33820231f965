/**
 * `npm run bench` part for digests and delivery:
 * 1. build every due digest for 100,000 subscriptions over 1,000,000 stories (the real due query,
 *    planning and platform rendering; then the whole job, writing outbox, deliveries and watermarks),
 *    in processes pinned to one core (taskset, when present), running this file compiled with
 *    esbuild as production runs the bot (no tsx): seeding, then building and rendering, then the
 *    whole job alone, so its peak RSS is its own; then the same job as of an earlier commit
 *    (bench/digest-reference.ts) on a copy of the same world, the time reference. Goals: building
 *    ≤ 15 s; job ≤ 400 MB and no more CPU time than the reference. BENCH_DIGEST_TRACE=1 prints the
 *    job's heap and RSS as it goes (between batches), to see what holds memory.
 * 2. deliver 3,000 messages to 1,000 chats on each of a local fake Telegram Bot API and a local fake
 *    Discord REST API that enforce the platforms' limits and answer 429 beyond them, through the real
 *    messengers and the delivery worker's pacer. Goal: ≥ 0.95 of each limit, no 429.
 */
import { execFileSync, spawn } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDelivery } from './digest-delivery.js';
import { buildReferenceBench, DIGEST_JOB_REFERENCE } from './digest-reference.js';
import { seedDigestBench } from './digest-seed.js';
import type { BenchRow } from './table.js';

const JOB_MEMORY_GOAL_MB = 400;

const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function pinned(command: string, args: string[]): [string, string[]] {
  return existsSync('/usr/bin/taskset') ? ['taskset', ['-c', '0', command, ...args]] : [command, args];
}

/** Waits for every dirty page of the machine to reach the disk (`sync`), where there is one. */
function settleDisk(): void {
  if (existsSync('/usr/bin/sync') || existsSync('/bin/sync')) execFileSync('sync', { stdio: 'ignore' });
}

type Counts = { due: number; digests: number; messages: number };

/** In a child: the world of digest-seed.ts written to a new database. */
async function seedChild(databasePath: string): Promise<void> {
  const { openDatabase } = await import('../src/store/database.js');
  const started = performance.now();
  const db = openDatabase(databasePath);
  const seeded = seedDigestBench(db);
  db.close();
  process.stdout.write(JSON.stringify({ seeded, seedSeconds: (performance.now() - started) / 1000 }) + '\n');
}

/**
 * In a child: the digest job over the seeded database. `--build` times building only, then
 * building and rendering (nothing written); `--job` runs the whole job once, alone in its process,
 * so its peak RSS is the job's own.
 */
async function jobChild(databasePath: string, part: 'build' | 'job'): Promise<void> {
  const { openDatabase } = await import('../src/store/database.js');
  const { createStores } = await import('../src/store/index.js');
  const { benchDigestJob, BENCH_NOW } = await import('./digest-seed.js');
  const db = openDatabase(databasePath);
  const stores = createStores(db);
  const job = benchDigestJob(stores, BENCH_NOW);
  // CPU seconds as well as wall-clock ones: on a shared machine the core may be busy with others.
  const time = async (run: () => Promise<Counts>): Promise<{ seconds: number; cpu: number; counts: Counts }> => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const counts = await run();
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6, counts };
  };
  // Peaks sampled while the job runs: RSS, and the JavaScript heap's share of it.
  const before = process.memoryUsage().rss / 1e6;
  let gcMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  let peakHeap = 0;
  const trace = process.env.BENCH_DIGEST_TRACE === '1';
  const traceStart = performance.now();
  const sampler = setInterval(() => {
    const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
    peakHeap = Math.max(peakHeap, heapUsed / 1e6);
    if (trace)
      process.stderr.write(
        `${((performance.now() - traceStart) / 1000).toFixed(1)}s heap ${(heapUsed / 1e6).toFixed(0)} rss ${(rss / 1e6).toFixed(0)} ext ${((external + arrayBuffers) / 1e6).toFixed(0)}\n`,
      );
  }, 50);
  const result =
    part === 'build'
      ? {
          build: await time(() => job.runDue({ write: false, render: false })),
          render: await time(() => job.runDue({ write: false })),
        }
      : { job: await time(() => job.runDue()) };
  clearInterval(sampler);
  gcObserver.disconnect();
  db.close();
  // maxRSS is in KiB; reported in MB of 10^6 bytes, as the ingest row is.
  const memory = (process.resourceUsage().maxRSS * 1024) / 1e6;
  process.stdout.write(JSON.stringify({ ...result, memory, before, peakHeap, gcSeconds: gcMs / 1000 }) + '\n');
}

/**
 * A bench entry compiled as production compiles the bot (esbuild, one bundle; native and SDK
 * packages left to node_modules), so the children run plain JavaScript: no tsx in the measured
 * process, whose transpiler and its caches are not the job's memory. Built inside
 * node_modules/.cache so the bundle finds the packages it leaves out.
 */
async function bundle(entry: string, outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', 'pino-pretty', 'discord.js', 'grammy', '@grammyjs/*', 'esbuild'],
    banner: {
      js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

const CACHE = join(ROOT, 'node_modules', '.cache', 'newsbrief-bench');
let compiled: Promise<string> | null = null;
const compiledBench = (): Promise<string> =>
  (compiled ??= bundle(THIS_FILE, join(CACHE, 'digest.mjs')).then(() => join(CACHE, 'digest.mjs')));

/** Runs a compiled bench (this file unless given) in a child pinned to one core; its last stdout line, parsed. */
async function child<T>(args: string[], script?: string): Promise<T> {
  const [command, argv] = pinned(process.execPath, [script ?? (await compiledBench()), ...args]);
  const output = await new Promise<string>((resolve, reject) => {
    const running = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    running.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    running.on('error', reject);
    running.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`digest bench ${args[0]} failed (${code})`)),
    );
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}

type Timed = { seconds: number; cpu: number; counts: Counts };

type JobResult = { job: Timed; memory: number; before: number; peakHeap: number };

async function benchBuild(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-digest-'));
  const path = join(dir, 'bench.db');
  try {
    const { seeded, seedSeconds } = await child<{
      seeded: { stories: number; subscriptions: number; chats: number; topics: number };
      seedSeconds: number;
    }>(['--seed', path]);
    const { build, render } = await child<{ build: Timed; render: Timed }>(['--build', path]);
    // The reference job works on its own copy of the same world, seeded by its own code: a database
    // written by this schema is newer than the reference's migrations know.
    const referenceBench = await buildReferenceBench(ROOT, join(CACHE, 'digest-reference.mjs'), bundle);
    if ('file' in referenceBench) await child(['--seed', join(dir, 'reference.db')], referenceBench.file);
    // Each job starts on a quiet disk: the seeds' hundreds of MB still being written back would
    // otherwise slow whichever job runs first (ours, measured just after the reference's seed).
    settleDisk();
    const { job, memory, before, peakHeap } = await child<JobResult>(['--job', path]);
    settleDisk();
    const referenceJob =
      'file' in referenceBench
        ? await child<JobResult>(['--job', join(dir, 'reference.db')], referenceBench.file)
        : null;
    const took = ({ seconds, cpu }: Timed): string => `${seconds.toFixed(2)} s (${cpu.toFixed(2)} s of CPU)`;
    const buildMet = build.seconds <= 15 ? 'met' : build.cpu <= 15 ? 'met in CPU time; the core was shared' : 'NOT met';
    console.log(
      `digest: ${seeded.subscriptions} subscriptions (${seeded.chats} chats, ${seeded.topics} topics) over ${seeded.stories} stories, one core${existsSync('/usr/bin/taskset') ? ' (taskset)' : ''}; seeded in ${seedSeconds.toFixed(1)} s`,
    );
    console.log(
      `  build every due digest (due query, selection, ranking, neutral digests): ${build.counts.due} due → ${build.counts.digests} digests in ${took(build)}  (goal ≤ 15 s: ${buildMet})`,
    );
    console.log(`  build and render for each chat's platform: ${render.counts.messages} messages in ${took(render)}`);
    console.log(
      `  the whole job alone in its process (build, render, write outbox, deliveries, watermarks, next runs): ${job.counts.digests} digests, ${job.counts.messages} messages in ${took(job)}; peak RSS ${memory.toFixed(0)} MB (goal ≤ ${JOB_MEMORY_GOAL_MB} MB; ${before.toFixed(0)} MB before the job, JavaScript heap peak ${peakHeap.toFixed(0)} MB)`,
    );
    const commit = DIGEST_JOB_REFERENCE.slice(0, 7);
    console.log(
      referenceJob
        ? `  reference, the same job as of ${commit} on a copy of the same world: ${referenceJob.job.counts.messages} messages in ${took(referenceJob.job)}; peak RSS ${referenceJob.memory.toFixed(0)} MB (JavaScript heap peak ${referenceJob.peakHeap.toFixed(0)} MB)`
        : `  reference job not run: ${'skipped' in referenceBench ? referenceBench.skipped : ''}`,
    );
    // Time as CPU seconds (the core is pinned but shared with whatever else runs on this machine) and
    // as wall-clock seconds, which count the waits on the disk as well.
    const ratio = referenceJob ? job.cpu / referenceJob.job.cpu : null;
    const wallRatio = referenceJob ? job.seconds / referenceJob.job.seconds : null;
    return [
      {
        figure: 'digest job: 100k subscriptions over 1M stories, peak RSS and time',
        ours: `${memory.toFixed(0)} MB, ${job.cpu.toFixed(1)} s CPU (${job.seconds.toFixed(1)} s)`,
        reference: referenceJob
          ? `job at ${commit}: ${referenceJob.memory.toFixed(0)} MB, ${referenceJob.job.cpu.toFixed(1)} s CPU (${referenceJob.job.seconds.toFixed(1)} s)`
          : null,
        ratio,
        goal: `≤ ${JOB_MEMORY_GOAL_MB} MB, CPU and wall time ≤ 1.0× reference${wallRatio === null ? '' : ` (wall ${wallRatio.toFixed(2)}×)`}`,
        met: memory <= JOB_MEMORY_GOAL_MB && (ratio === null || ratio <= 1) && (wallRatio === null || wallRatio <= 1),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDigest(): Promise<BenchRow[]> {
  return [...(await benchBuild()), ...(await benchDelivery())];
}

export const rows = benchDigest;

if (process.argv[2] === '--seed') {
  await seedChild(process.argv[3]!);
  process.exit(0);
} else if (process.argv[2] === '--build' || process.argv[2] === '--job') {
  await jobChild(process.argv[3]!, process.argv[2] === '--build' ? 'build' : 'job');
  process.exit(0);
} else if (process.argv[1] === THIS_FILE) {
  // `npx tsx bench/digest.ts`: this part alone.
  await benchDigest();
}
