/**
 * One bench "worker process" for bench/pg-digest.ts: the digest job on PostgreSQL as `newsbrief
 * start --role worker` runs it (parts under advisory locks), once, over the schema given; prints
 * `{"ms":…,"report":{…}}` on stdout. Run as: node --import tsx bench/pg-digest-worker.ts <url> <schema>
 */
import { createPool } from '../src/store/postgres/connect.js';
import { createPgStores } from '../src/store/postgres/index.js';
import { createPgWorkLocks } from '../src/store/postgres/work-locks.js';
import { benchDigestJob } from './digest-seed.js';
import { PG_BENCH_NOW } from './pg-digest-seed.js';

const [url, schema] = process.argv.slice(2);
if (!url || !schema) throw new Error('usage: pg-digest-worker.ts <postgres url> <schema>');
const pool = createPool(url, { searchPath: schema, max: 4 });
const stores = createPgStores(pool);
const job = benchDigestJob(stores, PG_BENCH_NOW, { locks: createPgWorkLocks(pool), digestParts: 16 });
const started = performance.now();
const report = await job.runDue();
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, report })}\n`);
await pool.end();
