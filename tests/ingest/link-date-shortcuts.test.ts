import { describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../src/ingest/feed-parse.js';

/** An RSS item per (link, pubDate) pair, read back through the real parse. */
function itemsOf(pairs: [string, string][]) {
  const items = pairs
    .map(([link, date]) => `<item><title>t</title><link>${link}</link><pubDate>${date}</pubDate></item>`)
    .join('');
  return parseFeedDocument(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>${items}</channel></rss>`,
    'https://feeds.example/rss',
  ).items;
}

describe('feed links and dates read without the general parsers', () => {
  it('gives each link as URL parsing would, the plain ones unchanged', () => {
    const links = [
      'https://paper.example/story/1?utm_source=rss#top',
      'HTTPS://Paper.Example/a',
      'https://paper.example/a/./b/../c',
      'https://paper.example:443/x',
      'https://paper.example/a b',
      "https://paper.example/q?name='x'",
      'http://0x7f.1/',
      'https://xn--nxasmq6b.example/',
      'https://paper.example',
      '/relative/path',
    ];
    const expected = links.map((link) => new URL(link, 'https://feeds.example/rss').href);
    expect(itemsOf(links.map((link) => [link, 'Wed, 18 Nov 2026 08:00:00 GMT'])).map((item) => item.link)).toEqual(
      expected,
    );
  });

  it('reads RSS dates in GMT and with offsets as Date.parse does, and no day the month lacks', () => {
    const dates = [
      'Wed, 18 Nov 2026 08:05:09 GMT',
      '29 Feb 2024 23:59 UT',
      'Wed, 18 Nov 2026 08:00:00 +0130',
      'Sun, 31 Dec 2026 23:30:00 -0100',
      '0 Nov 2026 08:00:00 GMT',
      '29 Feb 2026 08:00:00 GMT',
    ];
    const published = itemsOf(dates.map((date) => ['https://paper.example/x', date])).map((item) => item.publishedAt);
    expect(published).toEqual([
      '2026-11-18T08:05:09.000Z',
      '2024-02-29T23:59:00.000Z',
      '2026-11-18T06:30:00.000Z',
      '2027-01-01T00:30:00.000Z',
      ...dates
        .slice(4)
        .map((date) => (Number.isNaN(Date.parse(date)) ? null : new Date(Date.parse(date)).toISOString())),
    ]);
  });
});
