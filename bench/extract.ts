/**
 * `npm run bench` part for extraction: our whole extraction per page against bare Readability over linkedom
 * (parse + Readability.parse) on the same pages, in the same process and run, interleaved page by page so
 * machine load hits both sides alike. Goal (issue 10): ≤ 1.2× bare Readability.
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
const ROUNDS = 7;

function bareReadability(html: string): unknown {
  const { document } = parseHTML(html);
  return new Readability(document as never).parse();
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function timeOnce(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export interface PageTiming {
  name: string;
  ours: number;
  reference: number;
}

/** Median milliseconds per page for both sides, alternating which runs first each round. */
export function timePages(pages: { name: string; html: string }[]): PageTiming[] {
  return pages.map(({ name, html }) => {
    extractFromHtml(html);
    bareReadability(html);
    const ours: number[] = [];
    const reference: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        ours.push(timeOnce(() => extractFromHtml(html)));
        reference.push(timeOnce(() => bareReadability(html)));
      } else {
        reference.push(timeOnce(() => bareReadability(html)));
        ours.push(timeOnce(() => extractFromHtml(html)));
      }
    }
    return { name, ours: median(ours), reference: median(reference) };
  });
}

export function loadBenchPages(folder?: string): { name: string; html: string; source: string }[] {
  const dir = folder ?? process.env.NEWSBRIEF_BENCH_PAGES ?? FIXTURES;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({ name: file, html: readFileSync(join(dir, file), 'utf8'), source: dir }));
}

/** The extraction row of the bench table: total time over all pages, ours against bare Readability. */
export function extractRows(folder?: string, log: (line: string) => void = console.log): BenchRow[] {
  const pages = loadBenchPages(folder);
  const timings = timePages(pages);
  for (const t of timings) {
    log(
      `  ${t.name.slice(0, 40).padEnd(40)} ours ${t.ours.toFixed(2).padStart(7)} ms  readability ${t.reference.toFixed(2).padStart(7)} ms  ${(t.ours / t.reference).toFixed(2)}×`,
    );
  }
  const ours = timings.reduce((sum, t) => sum + t.ours, 0);
  const reference = timings.reduce((sum, t) => sum + t.reference, 0);
  const ratio = ours / reference;
  return [
    {
      figure: `extraction per page, one process, ${pages.length} pages (${pages[0]?.source === FIXTURES ? 'fixtures' : pages[0]?.source})`,
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
  console.log('extract: median time per page, ours vs bare Readability over linkedom (same run, interleaved)');
  return extractRows();
}

/** Prints per-page times and the ratio row. */
export async function benchExtract(folder?: string): Promise<void> {
  console.log('extract: median time per page, ours vs bare Readability over linkedom (same run, interleaved)');
  for (const row of extractRows(folder)) {
    console.log(
      `${row.figure}: ours ${row.ours}, reference ${row.reference}, ratio ${row.ratio?.toFixed(2)}× (goal ${row.goal}: ${row.met ? 'met' : 'NOT met'})`,
    );
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await benchExtract(process.argv[2]);
