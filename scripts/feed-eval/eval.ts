/**
 * `npm run eval:feeds -- FOLDER`: every item of real-world feeds from public test suites, polled
 * through the real ingestion (HTTP on 127.0.0.1, decoding, parsing, storing in SQLite), compared
 * with the title Python's feedparser gives it. FOLDER holds feeds/ (fetch.py) and expected.json
 * (expected.py); neither is committed. Prints one line per feed that differs and the totals.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { systemClock } from '../../src/core/ports.js';
import { htmlToText } from '../../src/ingest/html-text.js';
import { createIngest } from '../../src/ingest/index.js';
import { MAX_ITEMS_PER_FEED } from '../../src/ingest/feed-parse.js';
import { createStores, openDatabase } from '../../src/store/index.js';

interface Expected {
  feeds: Record<
    string,
    {
      bozo: boolean;
      version: string | null;
      entries: { title: string | null; type: string | null; id?: string | null }[];
    }
  >;
}

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('Usage: npm run eval:feeds -- FOLDER   (see scripts/feed-eval/README.md)\n');
  process.exit(2);
}
const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Expected;
const files = readdirSync(join(folder, 'feeds')).sort();
const server = createServer((request, response) => {
  const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.slice(1));
  // No charset: the bytes and their own declarations decide, as for a server that says nothing.
  let body: Buffer;
  try {
    body = readFileSync(join(folder!, 'feeds', name));
  } catch {
    return void response.writeHead(404).end();
  }
  response.writeHead(200, { 'content-type': 'application/xml' }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();
const referenceTitle = (entry: { title: string | null; type: string | null }): string =>
  entry.type?.includes('html') ? htmlToText(entry.title ?? '') : normalise(entry.title ?? '');
const same = (ours: string, theirs: string): boolean =>
  ours === theirs || (ours.endsWith('…') && theirs.startsWith(ours.slice(0, -1).trimEnd()));

let feedsCompared = 0;
let feedsMatched = 0;
let itemsExpected = 0;
let itemsMatched = 0;
let untitled = 0;
let repeats = 0;
for (const file of files) {
  const reference = expected.feeds[file];
  if (!reference || reference.entries.length === 0) continue;
  feedsCompared++;
  const db = openDatabase(':memory:');
  const stores = createStores(db);
  const ingest = createIngest(
    { feeds: stores.feeds, topics: stores.topics, stories: stores.stories, clock: systemClock, logger: silent },
    {
      pollIntervalMinutes: 10,
      timeoutMs: 20_000,
      maxBytes: 20_000_000,
      maxRedirects: 0,
      allowPrivate: false,
      concurrency: 1,
      perHostConcurrency: 1,
      articleConcurrency: 1,
      workers: 0,
      // Titles only, and nothing beyond 127.0.0.1: the items' article pages are not fetched.
      fetchArticles: false,
      addressPolicy: (address) => (address === '127.0.0.1' ? null : 'outside this evaluation'),
    },
  );
  const topic = stores.topics.create({
    slug: 'eval',
    name: 'eval',
    communityId: null,
    includeKeywords: [],
    excludeKeywords: [],
  });
  const feed = stores.feeds.ensure(`${origin}/${encodeURIComponent(file)}`);
  stores.feeds.attach(topic.id, feed.id, 'eval');
  const [result] = await ingest.pollDueFeeds();
  const headlines = (db.prepare('SELECT headline FROM stories').all() as { headline: string }[]).map(
    (row) => row.headline,
  );
  await ingest.close();
  db.close();
  // An entry repeating an earlier entry's id is that entry again: one story, compared once.
  const ids = new Set<string>();
  const unique = reference.entries.slice(0, MAX_ITEMS_PER_FEED).filter((entry) => {
    if (!entry.id) return true;
    if (ids.has(entry.id)) return (repeats++, false);
    return ids.add(entry.id) !== undefined;
  });
  const titled = unique.filter((entry) => entry.title?.trim());
  untitled += unique.length - titled.length;
  const missing: string[] = [];
  for (const entry of titled) {
    const title = referenceTitle(entry);
    const index = headlines.findIndex((headline) => same(headline, title));
    if (index === -1) missing.push(title);
    else headlines.splice(index, 1);
  }
  itemsExpected += titled.length;
  itemsMatched += titled.length - missing.length;
  if (missing.length === 0) {
    feedsMatched++;
    continue;
  }
  const outcome =
    result?.outcome === 'failed' ? `failed: ${result.error}` : `${titled.length - missing.length}/${titled.length}`;
  process.stdout.write(`${file}: ${outcome}\n`);
  for (const title of missing.slice(0, 3)) {
    process.stdout.write(`    feedparser: ${JSON.stringify(title.slice(0, 100))}\n`);
    if (headlines[0] !== undefined)
      process.stdout.write(`    stored:     ${JSON.stringify(headlines.shift()!.slice(0, 100))}\n`);
  }
}
server.close();
process.stdout.write(
  `\n${feedsMatched}/${feedsCompared} feeds with every item matched; ${itemsMatched}/${itemsExpected} titled items stored with feedparser's title` +
    ` (not compared: ${untitled} entries without a title, ${repeats} repeating an earlier entry's id; feeds beyond ${MAX_ITEMS_PER_FEED} items up to it)\n`,
);
