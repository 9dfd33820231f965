/**
 * `npm run bench` part for feed parsing: throughput of our whole parse step (parseFeedDocument:
 * parse, normalise, HTML to text, at most MAX_ITEMS_PER_FEED items) against bare feedsmith
 * `parseFeed` of the same document, on a 500-item and a 5,000-item RSS feed. Both are timed in the
 * same run, rounds interleaved, so a busy machine slows both alike. Goal: ≥ 0.9× feedsmith on both.
 */
import { fileURLToPath } from 'node:url';
import { parseFeed } from 'feedsmith';
import { parseFeedDocument } from '../src/ingest/feed-parse.js';
import type { BenchRow } from './table.js';

const GOAL = 0.9;
const ROUNDS = 41;
const WARM_UP = 8;

/** An RSS 2.0 feed of `items` items, each with a summary with markup and a 6-paragraph content:encoded. */
export function benchFeed(items: number): string {
  const body = Array.from({ length: items }, (_, i) => {
    const paragraphs = Array.from(
      { length: 6 },
      (_, p) =>
        `<p>Paragraph ${p} of story ${i}: the council said on Tuesday that "the bridge will open in spring", and residents welcomed the news.</p>`,
    ).join('');
    return `<item><title>Story ${i}: council &amp; residents agree on bridge</title><link>https://paper.example/story/${i}?utm_source=rss</link>
<guid isPermaLink="false">paper-story-${i}</guid><pubDate>Wed, 18 Nov 2026 08:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate>
<description>Summary of story ${i} with &lt;b&gt;markup&lt;/b&gt;.</description><content:encoded><![CDATA[${paragraphs}]]></content:encoded></item>`;
  }).join('\n');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title><link>https://paper.example/</link><description>b</description>${body}</channel></rss>`;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Median CPU milliseconds per parse of each side, rounds interleaved. CPU time rather than wall
 * time: on a shared machine a round may wait for the core, which says nothing about the parser.
 */
function compare(text: string): { feedsmith: number; ours: number } {
  const bare = (): number => (parseFeed(text).feed as { items?: unknown[] }).items?.length ?? 0;
  const ours = (): number => parseFeedDocument(text, 'https://paper.example/rss').items.length;
  // Warm-up rounds so both sides run optimised code; then the order alternates each round, so the
  // collection of one side's garbage does not always land in the other side's time.
  for (let round = 0; round < WARM_UP; round++) {
    bare();
    ours();
  }
  const times = { feedsmith: [] as number[], ours: [] as number[] };
  const sides = [
    ['feedsmith', bare],
    ['ours', ours],
  ] as const;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [side, run] of round % 2 === 0 ? sides : [...sides].reverse()) {
      const start = process.cpuUsage();
      run();
      const used = process.cpuUsage(start);
      times[side].push((used.user + used.system) / 1000);
    }
  }
  return { feedsmith: median(times.feedsmith), ours: median(times.ours) };
}

export async function rows(): Promise<BenchRow[]> {
  return benchFeedParse();
}

export function benchFeedParse(): BenchRow[] {
  console.log('feed parsing: parseFeedDocument against bare feedsmith parseFeed, same run');
  return [500, 5000].map((items) => {
    const text = benchFeed(items);
    const megabytes = Buffer.byteLength(text) / 1e6;
    const { feedsmith, ours } = compare(text);
    const ratio = feedsmith / ours;
    console.log(
      `  ${String(items).padStart(5)}-item RSS (${megabytes.toFixed(2)} MB): feedsmith ${feedsmith.toFixed(1)} ms, ours ${ours.toFixed(1)} ms of CPU → ${ratio.toFixed(2)}× feedsmith's throughput (median of ${ROUNDS})`,
    );
    return {
      figure: `feed parsing throughput, ${items}-item RSS`,
      ours: `${(megabytes / (ours / 1000)).toFixed(1)} MB/s`,
      reference: `${(megabytes / (feedsmith / 1000)).toFixed(1)} MB/s (feedsmith parseFeed)`,
      ratio,
      goal: `≥ ${GOAL}×`,
      met: ratio >= GOAL,
    };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) benchFeedParse();
