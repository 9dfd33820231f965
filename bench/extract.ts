/**
 * `npm run bench` part for extraction: our whole extraction per page against bare Readability over linkedom
 * (parse + Readability.parse) on the same pages, in the same process and run, interleaved page by page so
 * machine load hits both sides alike, both timed the same way (process CPU time, fastest of ROUNDS rounds).
 * Goal (issue 10): ≤ 1.2× bare Readability.
 *
 * Pages: every *.html in the folder given by NEWSBRIEF_BENCH_PAGES or `tsx bench/extract.ts <folder>` (for
 * example the dev set in /work/devset/pages, never committed), else the committed HTML fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractFromHtml } from '../src/extract/index.js';
import type { BenchRow } from './table.js';

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures', 'articles');
/**
 * Rounds per page and side. The figure is each side's fastest round in process CPU time: the machine is shared
 * (2 cores, other jobs), and waiting for a core or being interrupted only ever adds time, so the fastest round's
 * CPU time is the steadiest estimate of the work itself. Wall-clock medians of 7 rounds moved the ratio
 * between 1.14× and 1.25× from run to run on the same code; they are still printed beside it.
 */
const ROUNDS = 9;

function bareReadability(html: string): unknown {
  const { document } = parseHTML(html);
  return new Readability(document as never).parse();
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const fastest = (values: number[]): number => (values.length > 0 ? Math.min(...values) : Number.NaN);

/** One run's milliseconds: CPU time of the process (user + system) and wall-clock time. */
function timeOnce(run: () => unknown): { cpu: number; wall: number } {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  run();
  const wall = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: (cpu.user + cpu.system) / 1000, wall };
}

/** Milliseconds per page for one side: fastest round in CPU time, and the wall-clock median. */
export interface SideTiming {
  cpu: number;
  wallMedian: number;
}

export interface PageTiming {
  name: string;
  ours: SideTiming;
  reference: SideTiming;
}

function summarise(runs: { cpu: number; wall: number }[]): SideTiming {
  return { cpu: fastest(runs.map((run) => run.cpu)), wallMedian: median(runs.map((run) => run.wall)) };
}

/** Both sides' times per page, measured alike, alternating which runs first each round. */
export function timePages(pages: { name: string; html: string }[]): PageTiming[] {
  return pages.map(({ name, html }) => {
    extractFromHtml(html);
    bareReadability(html);
    const ours: { cpu: number; wall: number }[] = [];
    const reference: { cpu: number; wall: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        ours.push(timeOnce(() => extractFromHtml(html)));
        reference.push(timeOnce(() => bareReadability(html)));
      } else {
        reference.push(timeOnce(() => bareReadability(html)));
        ours.push(timeOnce(() => extractFromHtml(html)));
      }
    }
    return { name, ours: summarise(ours), reference: summarise(reference) };
  });
}

export function loadBenchPages(folder?: string): { name: string; html: string; source: string }[] {
  const dir = folder ?? process.env.NEWSBRIEF_BENCH_PAGES ?? FIXTURES;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({ name: file, html: readFileSync(join(dir, file), 'utf8'), source: dir }));
}

/** The extraction row of the bench table: CPU time over all pages, ours against bare Readability. */
export function extractRows(folder?: string, log: (line: string) => void = console.log): BenchRow[] {
  const pages = loadBenchPages(folder);
  const timings = timePages(pages);
  for (const t of timings) {
    log(
      `  ${t.name.slice(0, 40).padEnd(40)} ours ${t.ours.cpu.toFixed(2).padStart(7)} ms  readability ${t.reference.cpu.toFixed(2).padStart(7)} ms  ${(t.ours.cpu / t.reference.cpu).toFixed(2)}×`,
    );
  }
  const total = (side: 'ours' | 'reference', field: keyof SideTiming): number =>
    timings.reduce((sum, t) => sum + t[side][field], 0);
  const ours = total('ours', 'cpu');
  const reference = total('reference', 'cpu');
  const ratio = ours / reference;
  const wallRatio = total('ours', 'wallMedian') / total('reference', 'wallMedian');
  log(`  wall-clock medians of ${ROUNDS} rounds, for comparison: ratio ${wallRatio.toFixed(2)}×`);
  return [
    {
      figure: `extraction per page (CPU, fastest of ${ROUNDS}), one process, ${pages.length} pages (${pages[0]?.source === FIXTURES ? 'fixtures' : pages[0]?.source})`,
      ours: `${(ours / Math.max(pages.length, 1)).toFixed(2)} ms`,
      reference: `${(reference / Math.max(pages.length, 1)).toFixed(2)} ms bare Readability over linkedom`,
      ratio,
      goal: '≤ 1.2×',
      met: ratio <= 1.2,
    },
  ];
}

/** The part's row for `npm run bench` (pages from NEWSBRIEF_BENCH_PAGES, else the fixtures). */
export async function rows(): Promise<BenchRow[]> {
  console.log(
    `extract: CPU time per page, fastest of ${ROUNDS} rounds, ours vs bare Readability over linkedom (same run, interleaved)`,
  );
  return extractRows();
}

/** Prints per-page times and the ratio row. */
export async function benchExtract(folder?: string): Promise<void> {
  console.log(
    `extract: CPU time per page, fastest of ${ROUNDS} rounds, ours vs bare Readability over linkedom (same run, interleaved)`,
  );
  for (const row of extractRows(folder)) {
    console.log(
      `${row.figure}: ours ${row.ours}, reference ${row.reference}, ratio ${row.ratio?.toFixed(2)}× (goal ${row.goal}: ${row.met ? 'met' : 'NOT met'})`,
    );
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await benchExtract(process.argv[2]);
