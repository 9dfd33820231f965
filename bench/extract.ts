/**
 * `npm run bench` part for extraction: time per article for the labelled plain-text articles and for
 * ~250 KB article pages built from the HTML fixtures plus the furniture real pages carry (navigation,
 * scripts, comments, related links). Target: ≤ 40 ms per HTML page on one core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromHtml, extractFromText } from '../src/extract/index.js';

const ARTICLES = join(import.meta.dirname, '..', 'tests', 'fixtures', 'articles');
const PAGE_BYTES = 250_000;
const ROUNDS = 5;

function filler(seed: number): string {
  const links = Array.from(
    { length: 40 },
    (_, i) => `<li><a href="/section/${seed}/${i}">Section ${i} headlines and more stories</a></li>`,
  ).join('');
  const script = `<script>window.__STATE__=${JSON.stringify({ items: Array.from({ length: 60 }, (_, i) => ({ id: i, title: `Story ${i}`, tags: ['a', 'b', 'c'] })) })};</script>`;
  const comments = Array.from(
    { length: 12 },
    (_, i) =>
      `<div class="comment"><span class="user">reader${seed}_${i}</span><p>I have been following this for a while and honestly the council never listens to anyone who lives here, comment ${i}.</p><a href="#">Reply</a> <a href="#">Report</a></div>`,
  ).join('');
  const related = Array.from(
    { length: 8 },
    (_, i) =>
      `<article class="card"><h3><a href="/r/${i}">Related story number ${i} that you may also like</a></h3><p>A short teaser for related story ${i}.</p></article>`,
  ).join('');
  return `<nav class="mega-menu"><ul>${links}</ul></nav>${script}<section class="comments">${comments}</section><aside class="related">${related}</aside><style>.x${seed}{color:red}</style>`;
}

/** A fixture page padded with realistic furniture to about 250 KB. */
export function buildLargePage(html: string, seed: number): string {
  const bodyAt = html.search(/<body[^>]*>/i);
  const head = bodyAt >= 0 ? html.slice(0, bodyAt) : '<html><head><title>Page</title></head>';
  const body =
    bodyAt >= 0
      ? html
          .slice(bodyAt)
          .replace(/<body[^>]*>/i, '')
          .replace(/<\/body>[\s\S]*$/i, '')
      : html;
  const before: string[] = [];
  const after: string[] = [];
  let size = html.length;
  for (let i = 0; size < PAGE_BYTES; i++) {
    const block = filler(seed * 100 + i);
    (i % 2 === 0 ? before : after).push(block);
    size += block.length;
  }
  return `${head}<body>${before.join('')}<main>${body}</main>${after.join('')}</body></html>`;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function time(label: string, inputs: string[], extract: (input: string) => unknown): void {
  for (const input of inputs) extract(input);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      const start = performance.now();
      extract(input);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  const kb = Math.round(inputs.reduce((sum, input) => sum + input.length, 0) / inputs.length / 1000);
  console.log(
    `${label.padEnd(34)} ${String(inputs.length).padStart(3)} inputs, ~${kb} KB: median ${percentile(samples, 0.5).toFixed(2)} ms, p95 ${percentile(samples, 0.95).toFixed(2)} ms`,
  );
}

/** Prints median and p95 extraction time per article for text and for ~250 KB HTML pages. */
export async function benchExtract(): Promise<void> {
  const files = readdirSync(ARTICLES);
  const texts = files.filter((file) => file.endsWith('.txt')).map((file) => readFileSync(join(ARTICLES, file), 'utf8'));
  const pages = files
    .filter((file) => file.endsWith('.html'))
    .map((file) => readFileSync(join(ARTICLES, file), 'utf8'));
  console.log('extract: time per article (one core)');
  time('plain text articles', texts, extractFromText);
  time('HTML article pages as written', pages, extractFromHtml);
  time('HTML pages padded to ~250 KB', pages.map(buildLargePage), extractFromHtml);
}
