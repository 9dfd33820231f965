/**
 * `npm run bench` part for start-up: `printf '/topics\n' | newsbrief console` (the built bot, as
 * production runs it) from spawn to its first answer, and its peak RSS, against `node -e ''` run
 * alternately in the same run. Goals (issue 10): ≤ 5× `node -e ''`, ≤ 110 MiB.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, type BenchRow } from './table.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'newsbrief.js');
const TIME = '/usr/bin/time';
const ROUNDS = 9;
const MIB = 1024 * 1024;

export interface StartRun {
  /** Spawn to the first byte on stdout (to exit when the process prints nothing), in ms. */
  answerMs: number;
  exitMs: number;
  /** Peak resident set size, in bytes. */
  peakRss: number;
  /** User + system CPU seconds (all threads; from /usr/bin/time, 10 ms steps), null without it. */
  cpuSeconds: number | null;
}

/**
 * Runs `node <args>` once with `input` on stdin. Peak RSS comes from /usr/bin/time (the kernel's
 * maxrss of the child) when present, else from polling the child's /proc VmHWM.
 */
export function runOnce(args: readonly string[], input: string, env: NodeJS.ProcessEnv): Promise<StartRun> {
  const useTime = existsSync(TIME);
  const report = join(tmpdir(), `newsbrief-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [command, argv] = useTime
    ? [TIME, ['-f', '%M %U %S', '-o', report, process.execPath, ...args]]
    : [process.execPath, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answerMs: number | null = null;
    let polledKb = 0;
    const child = spawn(command, argv, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'ignore'] });
    const poll = useTime
      ? null
      : setInterval(() => {
          const match = /VmHWM:\s+(\d+) kB/.exec(safeRead(`/proc/${child.pid}/status`));
          if (match) polledKb = Math.max(polledKb, Number(match[1]));
        }, 2);
    child.stdout.once('data', () => (answerMs ??= performance.now() - started));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - started;
      if (poll) clearInterval(poll);
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited with ${code}`));
      const [kb = polledKb, user = NaN, system = NaN] = useTime
        ? readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number)
        : [];
      rmSync(report, { force: true });
      const cpuSeconds = useTime ? user + system : null;
      resolve({ answerMs: answerMs ?? exitMs, exitMs, peakRss: kb * 1024, cpuSeconds });
    });
    child.stdin.end(input);
  });
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export interface StartSide {
  name: string;
  args: string[];
  input: string;
}

/** Runs each side once per round, in turn (after one warm-up round), and returns every side's runs. */
export async function compareStarts(sides: readonly StartSide[], env: NodeJS.ProcessEnv, rounds = ROUNDS) {
  const runs = new Map<string, StartRun[]>(sides.map((side) => [side.name, []]));
  for (let round = -1; round < rounds; round++) {
    for (const side of sides) {
      const run = await runOnce(side.args, side.input, env);
      if (round >= 0) runs.get(side.name)!.push(run);
    }
  }
  return runs;
}

/** A fresh database with the sample catalogue polled once: what the console answers from. */
export function preparedDatabase(dir: string, env: NodeJS.ProcessEnv): void {
  execFileSync(process.execPath, [BIN, 'ingest', '--once'], { cwd: ROOT, env, stdio: 'ignore' });
  if (!existsSync(join(dir, 'bench.db'))) throw new Error('the database was not prepared');
}

export async function rows(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-start-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATABASE_PATH: join(dir, 'bench.db'),
    LOG_LEVEL: 'warn',
  };
  try {
    preparedDatabase(dir, env);
    const runs = await compareStarts(
      [
        { name: 'node', args: ['-e', ''], input: '' },
        { name: 'console', args: [BIN, 'console'], input: '/topics\n' },
      ],
      env,
    );
    const node = runs.get('node')!;
    const console_ = runs.get('console')!;
    const nodeMs = median(node.map((run) => run.exitMs));
    const answerMs = median(console_.map((run) => run.answerMs));
    const nodeRss = median(node.map((run) => run.peakRss)) / MIB;
    const peakRss = Math.max(...console_.map((run) => run.peakRss)) / MIB;
    const ratio = answerMs / nodeMs;
    const cpu = (runs: StartRun[]) => median(runs.map((run) => run.cpuSeconds ?? NaN)) * 1000;
    console.log(
      `startup: ${ROUNDS} rounds, medians; console exit ${median(console_.map((run) => run.exitMs)).toFixed(0)} ms; peak RSS ${existsSync(TIME) ? 'from /usr/bin/time' : 'polled from /proc'}`,
    );
    // Wall time is what the goal counts; CPU time (all threads) varies less with the machine's load.
    console.log(`  CPU time: console ${cpu(console_).toFixed(0)} ms, node -e '' ${cpu(node).toFixed(0)} ms`);
    return [
      {
        figure: "console start to first answer (printf '/topics\\n' | newsbrief console, dist/)",
        ours: `${answerMs.toFixed(0)} ms`,
        reference: `node -e '': ${nodeMs.toFixed(0)} ms`,
        ratio,
        goal: "≤ 5× node -e ''",
        met: ratio <= 5,
      },
      {
        figure: 'console start: peak RSS (largest of the runs)',
        ours: `${peakRss.toFixed(0)} MiB`,
        reference: `node -e '': ${nodeRss.toFixed(0)} MiB`,
        ratio: peakRss / nodeRss,
        goal: '≤ 110 MiB',
        met: peakRss <= 110,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
