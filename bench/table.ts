/**
 * The row contract of `npm run bench`: every bench module exports
 *
 *   export async function rows(): Promise<BenchRow[]>
 *
 * returning one row per figure of issue 10's table that it measures (it may print its own detail
 * lines as it goes). bench/index.ts runs each module and prints all rows in one table with
 * printTable. Both sides of a ratio are measured in the same run, one after the other, because
 * this machine is shared and its speed varies from minute to minute.
 */
export interface BenchRow {
  /** The figure, as named in issue 10's table, e.g. "console start to first answer". */
  figure: string;
  /** Our side as measured, with its unit: "0.41 s", "71 MiB", "p99 3.2 ms". */
  ours: string;
  /** The reference measured in the same run ("node -e '': 0.12 s"), or null when the goal is absolute. */
  reference: string | null;
  /** ours ÷ reference, or null when there is no reference (or the ratio means nothing). */
  ratio: number | null;
  /** The goal in words: "≤ 5× node -e ''", "≤ 110 MiB", "≥ 0.9×". */
  goal: string;
  /** Whether the goal is met; null when not measured here. */
  met: boolean | null;
}

const HEADERS = ['figure', 'ours', 'reference, same run', 'ratio', 'goal', 'met'] as const;

function cells(row: BenchRow): string[] {
  return [
    row.figure.replaceAll('|', '\\|'),
    row.ours,
    row.reference ?? '—',
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
    row.goal,
    row.met === null ? '—' : row.met ? 'met' : 'NOT met',
  ];
}

/** The rows as an aligned plain-text table (also valid Markdown). */
export function formatTable(rows: readonly BenchRow[]): string {
  const table = [[...HEADERS], ...rows.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(table[0]!), line(widths.map((width) => '-'.repeat(width))), ...table.slice(1).map(line)].join('\n');
}

export function printTable(rows: readonly BenchRow[]): void {
  console.log(`\n${formatTable(rows)}\n`);
}

/** The median of a non-empty list of samples. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
