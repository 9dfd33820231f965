/**
 * `npm run bench -- pg-digest` (issue 12): digests built per second for 100,000 due subscriptions
 * on PostgreSQL, by one worker process and by two side by side (each plans the parts of the due
 * chats it holds the lock of). Needs the PostgreSQL of `npm run test:scale` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test); works in a schema of its own and drops it after.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createPool, quoteIdent } from '../src/store/postgres/connect.js';
import { migratePostgres } from '../src/store/postgres/migrate.js';
import { resetPgDigestBench, seedPgDigestBench } from './pg-digest-seed.js';
import type { BenchRow } from './table.js';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WORKER = fileURLToPath(new URL('./pg-digest-worker.ts', import.meta.url));

interface WorkerOutput {
  ms: number;
  report: { due: number; digests: number; empty: number };
}

function runWorker(schema: string): Promise<WorkerOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, URL_, schema], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!) as WorkerOutput)
        : reject(new Error(`worker exit ${code}`)),
    );
  });
}

/** Runs `count` workers at once over the seeded world; digests (and empty chats) per second overall. */
async function measure(schema: string, count: number): Promise<{ perSecond: number; seconds: number; due: number }> {
  const started = performance.now();
  const outputs = await Promise.all(Array.from({ length: count }, () => runWorker(schema)));
  const seconds = (performance.now() - started) / 1000;
  const due = outputs.reduce((sum, output) => sum + output.report.due, 0);
  const planned = outputs.reduce((sum, output) => sum + output.report.digests + output.report.empty, 0);
  console.log(
    `  ${count} worker(s): ${due} due subscriptions, ${planned} chats planned in ${seconds.toFixed(1)} s ` +
      `(${outputs.map((output) => `${output.report.digests} digests in ${(output.ms / 1000).toFixed(1)} s`).join('; ')})`,
  );
  return { perSecond: planned / seconds, seconds, due };
}

export async function rows(): Promise<BenchRow[]> {
  const schema = `nb_bench_${randomBytes(4).toString('hex')}`;
  const admin = createPool(URL_, { max: 1 });
  await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  const pool = createPool(URL_, { searchPath: schema, max: 2 });
  try {
    await migratePostgres(pool);
    const seedStart = performance.now();
    const world = await seedPgDigestBench(pool);
    console.log(
      `pg-digest: ${world.subscriptions} subscriptions of ${world.chats} chats over ${world.stories} stories, seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    const one = await measure(schema, 1);
    await resetPgDigestBench(pool);
    const two = await measure(schema, 2);
    const ratio = two.perSecond / one.perSecond;
    return [
      {
        figure: `digest job on PostgreSQL, ${world.subscriptions} subscriptions: chats planned per second`,
        ours: `2 workers: ${two.perSecond.toFixed(0)}/s (${two.seconds.toFixed(1)} s)`,
        reference: `1 worker: ${one.perSecond.toFixed(0)}/s (${one.seconds.toFixed(1)} s)`,
        ratio,
        goal: '2 workers faster than 1 (> 1×)',
        met: ratio > 1,
      },
    ];
  } finally {
    await pool.end();
    await admin.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    await admin.end();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const row of await rows()) console.log(row);
}
