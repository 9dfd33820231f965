/**
 * One row of the `npm run bench` table. The same shape as the `build` branch's bench/table.ts
 * (`{ figure, ours, reference, ratio, goal, met }`), defined here until the branches meet; the lead
 * replaces this file's imports with bench/table.ts.
 */
export interface BenchRow {
  /** What is measured, e.g. "feed parsing, 500-item RSS". */
  figure: string;
  /** Our figure, with its unit. */
  ours: string;
  /** The reference measured in the same run ("—" when there is none). */
  reference: string;
  /** ours ÷ reference, or "—". */
  ratio: string;
  goal: string;
  met: boolean;
}
