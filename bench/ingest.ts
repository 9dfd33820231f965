/**
 * `npm run bench` part for ingestion: one poll cycle of 20,000 feeds served by a local server (95%
 * answer 304, 5% bring 10 new items), run as production runs it: the built bot
 * (`node bin/newsbrief.js ingest --once --all`, dist/ and its worker thread) pinned to one core
 * (taskset, when present), the server on the other. Cycle time, CPU time and peak RSS of the whole
 * process (/usr/bin/time). Goal: under 10 minutes in under 250 MB. (Parse throughput is
 * bench/feed-parse.ts.)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './table.js';

const FEEDS = 20_000;
const PORTS = 40;
const CHANGED_EVERY = 20;
const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'newsbrief.js');
const TIME = '/usr/bin/time';

/** The feed server, as a separate process so it does not share the poller's core. */
const SERVER = `
import { createServer } from 'node:http';
const ports = JSON.parse(process.argv[1]);
let cycle = 0;
const items = (n) => Array.from({ length: 10 }, (_, i) => '<item><title>Feed ' + n + ' story ' + i + ' of cycle ' + cycle + '</title><guid>feed-' + n + '-cycle-' + cycle + '-item-' + i + '</guid><content:encoded><![CDATA[<p>Full text of story ' + i + ', "quoted words here and there", said someone.</p>]]></content:encoded></item>').join('');
const feed = (n) => '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed ' + n + '</title>' + items(n) + '</channel></rss>';
for (const port of ports) {
  createServer((request, response) => {
    if (request.url === '/next-cycle') { cycle++; return response.end('ok'); }
    const n = Number(request.url.split('/').pop());
    if (n % ${CHANGED_EVERY} !== 0 && request.headers['if-none-match'] === '"v1"') return response.writeHead(304).end();
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feed(n));
  }).listen(port, '127.0.0.1');
}
if (process.send) process.send('ready');
`;

function pinned(cpu: number, command: string, args: string[]): [string, string[]] {
  return existsSync('/usr/bin/taskset') ? ['taskset', ['-c', String(cpu), command, ...args]] : [command, args];
}

async function startFeedServer(ports: number[]): Promise<ChildProcess> {
  const [command, args] = pinned(1, process.execPath, ['--input-type=module', '-e', SERVER, JSON.stringify(ports)]);
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`feed server exited (${code})`)));
  });
  return child;
}

/** In a child (under tsx: seeding is not what is measured): the database with FEEDS feeds, polled once before. */
async function seedChild(dbPath: string, ports: number[]): Promise<void> {
  const { openDatabase } = await import('../src/store/index.js');
  const db = openDatabase(dbPath);
  const polledBefore = '2026-11-20T09:00:00.000Z';
  db.transaction(() => {
    const insertFeed = db.prepare(
      `INSERT INTO feeds (url, title, etag, first_polled_at, created_at) VALUES (?, ?, '"v1"', ?, ?)`,
    );
    const insertTopic = db.prepare(
      `INSERT INTO topics (slug, name, description, community_id, include_keywords, exclude_keywords, created_at)
       VALUES (?, ?, '', NULL, '[]', '[]', ?)`,
    );
    const attach = db.prepare(
      `INSERT INTO topic_feeds (topic_id, feed_id, added_by, added_at) VALUES (?, ?, 'bench', ?)`,
    );
    let topicId = 0;
    for (let n = 0; n < FEEDS; n++) {
      if (n % 100 === 0)
        topicId = Number(insertTopic.run(`topic-${n / 100}`, `Topic ${n / 100}`, polledBefore).lastInsertRowid);
      const feedId = Number(
        insertFeed.run(`http://127.0.0.1:${ports[n % ports.length]}/feed/${n}`, `Feed ${n}`, polledBefore, polledBefore)
          .lastInsertRowid,
      );
      attach.run(topicId, feedId, polledBefore);
    }
  })();
  db.close();
}

interface CycleRun {
  seconds: number;
  /** User + system CPU seconds, all threads (from /usr/bin/time), or null without it. */
  cpuSeconds: number | null;
  /** Peak RSS in MB (10^6 bytes): the kernel's maxrss from /usr/bin/time, else polled VmHWM. */
  peakMb: number;
  /** The bot's last line: its summary of the cycle. */
  summary: string;
}

/**
 * The production path: `node bin/newsbrief.js ingest --once --all` (the built dist/ code, its
 * worker thread included) on the seeded database, pinned to one core, in a clean environment.
 */
async function runBuiltCycle(dir: string): Promise<CycleRun> {
  const report = join(dir, 'time.txt');
  const useTime = existsSync(TIME);
  const bot = [process.execPath, BIN, 'ingest', '--once', '--all'];
  const [command, args] = pinned(0, useTime ? TIME : bot[0]!, [
    ...(useTime ? ['-f', '%M %U %S', '-o', report, ...bot] : bot.slice(1)),
  ]);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATABASE_PATH: join(dir, 'bench.db'),
    CATALOGUE_PATH: join(dir, 'catalogue.json'),
    ALLOW_PRIVATE_FEEDS: 'true',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let polledKb = 0;
    const poll = useTime
      ? null
      : setInterval(() => {
          const match = /VmHWM:\s+(\d+) kB/.exec(readOrEmpty(`/proc/${child.pid}/status`));
          if (match) polledKb = Math.max(polledKb, Number(match[1]));
        }, 20);
    let tail = '';
    child.stdout.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (poll) clearInterval(poll);
      if (code !== 0) return reject(new Error(`newsbrief ingest exited with ${code}`));
      const [kb = polledKb, user = NaN, system = NaN] = useTime
        ? readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number)
        : [];
      resolve({
        seconds,
        cpuSeconds: useTime ? user + system : null,
        peakMb: (kb * 1024) / 1e6,
        summary: tail.trim().split('\n').at(-1) ?? '',
      });
    });
  });
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

async function benchPollCycle(): Promise<BenchRow[]> {
  if (!existsSync(join(ROOT, 'dist', 'newsbrief.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const base = 42_000 + Math.floor(Math.random() * 1000);
  const ports = Array.from({ length: PORTS }, (_, index) => base + index);
  const server = await startFeedServer(ports);
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-'));
  try {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', THIS_FILE, '--seed', join(dir, 'bench.db'), JSON.stringify(ports)],
      {
        stdio: 'inherit',
      },
    );
    writeFileSync(join(dir, 'catalogue.json'), '{ "topics": [] }\n');
    const run = await runBuiltCycle(dir);
    const cpu = run.cpuSeconds === null ? '' : ` (CPU ${run.cpuSeconds.toFixed(1)} s, all threads)`;
    console.log(
      `ingest: \`node bin/newsbrief.js ingest --once --all\` (dist/) over ${FEEDS} feeds on ${PORTS} local hosts, one core${existsSync('/usr/bin/taskset') ? ' (taskset)' : ''}`,
    );
    console.log(`  ${run.summary}`);
    console.log(
      `  cycle ${run.seconds.toFixed(1)} s${cpu}, goal < 600 s; peak RSS ${Math.round(run.peakMb)} MB (${existsSync(TIME) ? '/usr/bin/time' : 'polled from /proc'}), goal ≤ 250 MB`,
    );
    return [
      {
        figure: `ingest: one ${FEEDS}-feed poll cycle (dist/, ingest --once --all), peak RSS`,
        ours: `${Math.round(run.peakMb)} MB (cycle ${run.seconds.toFixed(0)} s${cpu})`,
        reference: null,
        ratio: null,
        goal: '≤ 250 MB',
        met: run.peakMb <= 250,
      },
    ];
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function rows(): Promise<BenchRow[]> {
  return benchPollCycle();
}

if (process.argv[2] === '--seed') {
  await seedChild(process.argv[3]!, JSON.parse(process.argv[4]!) as number[]);
} else if (process.argv[1] === THIS_FILE) {
  await rows();
}
