/**
 * `npm run bench` (after `npm run build`): every benchmark, then issue 10's table, one row per
 * figure with both sides measured in this run. `npm run bench -- startup extract` runs some parts.
 *
 * Each part is a bench/*.ts module exporting `rows()` (the contract in table.ts): it prints its
 * detail lines and returns its rows. A part that fails is shown in the table as not measured,
 * with the error, and the other parts still run.
 */
import { existsSync } from 'node:fs';
import { printTable, type BenchRow } from './table.js';

interface Part {
  name: string;
  /** The module, relative to bench/. */
  file: string;
  /** The issue's figures this part measures, with their goals: shown when it gives no rows. */
  figures: readonly { figure: string; goal: string }[];
}

const PARTS: readonly Part[] = [
  { name: 'startup', file: 'startup', figures: [] },
  {
    name: 'extract',
    file: 'extract',
    figures: [{ figure: 'extraction per page, one process, 30 real news pages', goal: '≤ 1.2× bare Readability' }],
  },
  {
    name: 'feed-parse',
    file: 'feed-parse',
    figures: [
      { figure: 'feed parsing throughput, 500-item and 5,000-item RSS', goal: '≥ 0.9× bare feedsmith on both' },
    ],
  },
  {
    name: 'latest',
    file: 'latest',
    figures: [{ figure: '/latest at 1M stories, a chat following nothing (all 1,000 topics)', goal: '≤ 5 ms p99' }],
  },
  {
    name: 'ingest',
    file: 'ingest',
    figures: [{ figure: 'ingest: one 20,000-feed poll cycle, peak', goal: '≤ 250 MB' }],
  },
  {
    name: 'digest',
    file: 'digest',
    figures: [{ figure: 'digest job: 100k subscriptions over 1M stories, peak', goal: '≤ 400 MB, same or less time' }],
  },
  { name: 'platforms', file: 'platforms', figures: [] },
  {
    name: 'delivery-scale',
    file: 'delivery-scale',
    figures: [{ figure: 'delivery rate, 3 processes against the shared limit', goal: '≥ 0.95× the limit, no 429' }],
  },
  {
    name: 'pg-digest',
    file: 'pg-digest',
    figures: [
      {
        figure: 'digest job on PostgreSQL, 100k subscriptions: chats planned per second, 2 workers vs 1',
        goal: '> 1×',
      },
    ],
  },
];

const unmeasured = (part: Part, why: string): BenchRow[] =>
  (part.figures.length > 0 ? part.figures : [{ figure: `bench part ${part.name}`, goal: '—' }]).map(
    ({ figure, goal }) => ({ figure, ours: why, reference: null, ratio: null, goal, met: null }),
  );

async function runPart(part: Part): Promise<BenchRow[]> {
  if (!existsSync(new URL(`./${part.file}.ts`, import.meta.url))) {
    return unmeasured(part, `no bench/${part.file}.ts yet`);
  }
  console.log(`\n== ${part.name}`);
  const module = (await import(`./${part.file}.js`)) as Record<string, unknown>;
  if (typeof module.rows !== 'function') return unmeasured(part, `bench/${part.file}.ts exports no rows()`);
  try {
    return (await (module.rows as () => Promise<BenchRow[]>)()) ?? [];
  } catch (error) {
    console.error(`bench ${part.name} failed:`, error);
    return unmeasured(part, `failed: ${(error as Error).message.slice(0, 60)}`);
  }
}

const wanted = process.argv.slice(2);
const parts = wanted.length > 0 ? PARTS.filter((part) => wanted.includes(part.name)) : PARTS;
if (parts.length < wanted.length) {
  console.error(`unknown part; the parts are: ${PARTS.map((part) => part.name).join(', ')}`);
  process.exit(2);
}
const rows: BenchRow[] = [];
for (const part of parts) rows.push(...(await runPart(part)));
printTable(rows);
