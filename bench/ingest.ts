/**
 * `npm run bench` part for ingestion: one poll cycle of 20,000 feeds served by a local server (95%
 * answer 304, 5% bring 10 new items), the poller pinned to one core (taskset, when present) in its
 * own process: cycle time and peak memory, with where the memory is (before the cycle, the main
 * thread's heap, buffers). Goal: under 10 minutes in under 250 MB. (Parse throughput is
 * bench/feed-parse.ts.)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './rows.js';

const FEEDS = 20_000;
const PORTS = 40;
const CHANGED_EVERY = 20;
const THIS_FILE = fileURLToPath(import.meta.url);

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

/** In the child process: seed the database, run one poll cycle, report. */
async function pollCycleChild(dbPath: string, ports: number[]): Promise<void> {
  const { openDatabase, createStores } = await import('../src/store/index.js');
  const { createIngest } = await import('../src/ingest/index.js');
  const { silentLogger } = await import('../src/logger.js');
  const db = openDatabase(dbPath);
  const stores = createStores(db);
  const polledBefore = '2026-11-20T09:00:00.000Z';
  db.transaction(() => {
    const insertFeed = db.prepare(
      `INSERT INTO feeds (url, title, etag, first_polled_at, created_at) VALUES (?, ?, '"v1"', ?, ?)`,
    );
    const attach = db.prepare(
      `INSERT INTO topic_feeds (topic_id, feed_id, added_by, added_at) VALUES (?, ?, 'bench', ?)`,
    );
    let topicId = 0;
    for (let n = 0; n < FEEDS; n++) {
      if (n % 100 === 0)
        topicId = stores.topics.create({ slug: `topic-${n / 100}`, name: `Topic ${n / 100}`, communityId: null }).id;
      const feedId = Number(
        insertFeed.run(`http://127.0.0.1:${ports[n % ports.length]}/feed/${n}`, `Feed ${n}`, polledBefore, polledBefore)
          .lastInsertRowid,
      );
      attach.run(topicId, feedId, polledBefore);
    }
  })();
  const ingest = createIngest(
    {
      feeds: stores.feeds,
      topics: stores.topics,
      stories: stores.stories,
      clock: { now: () => new Date() },
      logger: silentLogger,
    },
    {
      pollIntervalMinutes: 10,
      timeoutMs: 15_000,
      maxBytes: 5_000_000,
      maxRedirects: 5,
      allowPrivate: true,
      concurrency: 16,
      perHostConcurrency: 2,
      articleConcurrency: 4,
      workers: 1,
    },
  );
  let peak = process.memoryUsage().rss;
  const before = peak;
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = 0;
  let peakBuffers = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakBuffers = Math.max(peakBuffers, usage.external + usage.arrayBuffers);
  }, 25);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const results = await ingest.pollDueFeeds();
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  await ingest.close();
  const count = (outcome: string) => results.filter((result) => result.outcome === outcome).length;
  const stories = results.reduce((sum, result) => sum + (result.outcome === 'updated' ? result.newStories : 0), 0);
  process.stdout.write(
    JSON.stringify({
      feeds: results.length,
      updated: count('updated'),
      notModified: count('not-modified'),
      failed: count('failed'),
      stories,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      sampledPeakMb: peak / 1e6,
      beforeMb: before / 1e6,
      peakHeapMb: peakHeap / 1e6,
      heapBeforeMb: heapBefore / 1e6,
      peakBuffersMb: peakBuffers / 1e6,
      maxRssMb: process.resourceUsage().maxRSS / 1000,
    }),
  );
  db.close();
}

async function benchPollCycle(): Promise<BenchRow[]> {
  const base = 42_000 + Math.floor(Math.random() * 1000);
  const ports = Array.from({ length: PORTS }, (_, index) => base + index);
  const server = await startFeedServer(ports);
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-'));
  try {
    const [command, args] = pinned(0, process.execPath, [
      '--import',
      'tsx',
      THIS_FILE,
      '--poll-cycle',
      join(dir, 'bench.db'),
      JSON.stringify(ports),
    ]);
    const output = execFileSync(command, args, { encoding: 'utf8', maxBuffer: 1e6 });
    const result = JSON.parse(output) as Record<string, number>;
    console.log(
      `ingest: one poll cycle of ${FEEDS} feeds on ${PORTS} local hosts, poller on one core${existsSync('/usr/bin/taskset') ? ' (taskset)' : ''}`,
    );
    console.log(
      `  ${result.notModified} not modified, ${result.updated} updated (${result.stories} new stories), ${result.failed} failed`,
    );
    console.log(
      `  cycle ${result.seconds!.toFixed(1)} s (cpu ${result.cpuSeconds!.toFixed(1)} s, all threads); goal < 600 s`,
    );
    console.log(
      `  peak RSS ${Math.round(result.maxRssMb!)} MB (${Math.round(result.beforeMb!)} MB before the cycle; main thread's heap ${Math.round(result.heapBeforeMb!)} MB before, ${Math.round(result.peakHeapMb!)} MB at peak; buffers ${Math.round(result.peakBuffersMb!)} MB at peak); goal < 250 MB`,
    );
    return [
      {
        figure: `ingest: one ${FEEDS}-feed poll cycle, peak RSS`,
        ours: `${Math.round(result.maxRssMb!)} MB (cycle ${result.seconds!.toFixed(0)} s)`,
        reference: '—',
        ratio: '—',
        goal: '≤ 250 MB',
        met: result.maxRssMb! <= 250,
      },
    ];
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchIngest(): Promise<BenchRow[]> {
  return benchPollCycle();
}

if (process.argv[2] === '--poll-cycle') {
  await pollCycleChild(process.argv[3]!, JSON.parse(process.argv[4]!) as number[]);
}
