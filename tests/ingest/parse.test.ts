import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/ingest/fetch-error.js';
import { parseFeedDocument } from '../../src/ingest/feed-parse.js';
import { runTask } from '../../src/ingest/tasks.js';
import { fixture } from './helpers/feeds.js';

const bytes = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));
const parse = (name: string, contentType: string | null = null, baseUrl = 'https://feeds.example/feed') =>
  runTask({ kind: 'parse-feed', bytes: bytes(name), contentType, baseUrl });

function parseError(text: string): FetchError {
  try {
    parseFeedDocument(text, null);
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error('expected the document to be refused');
}

describe('parsing feeds', () => {
  it('reads RSS 0.91 in its declared ISO-8859-1 encoding, resolving relative links', () => {
    const feed = parse('rss-091.xml', null, 'https://harbour.example/rss');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbour Gazette');
    expect(feed.items.map((item) => [item.title, item.link])).toEqual([
      ['Ferry timetable changes from Monday', 'https://harbour.example/ferry-timetable'],
      ['Harbour wall repairs finished', 'https://harbour.example/harbour-wall'],
    ]);
    expect(feed.items[0]!.summaryText).toBe('The 7:15 crossing moves to 7:40 and the café opens earlier.');
  });

  it('reads RSS 1.0 (RDF) with Dublin Core dates, authors and subjects', () => {
    const feed = parse('rdf.xml');
    expect(feed.format).toBe('rdf');
    expect(feed.items[0]).toMatchObject({
      title: 'Comet visible to the naked eye this week',
      link: 'https://science.example/comet',
      guid: 'https://science.example/comet',
      publishedAt: '2026-11-18T19:00:00.000Z',
      author: 'Ada Stern',
      categories: ['Astronomy'],
    });
  });

  it('reads RSS 2.0 with content:encoded, and decodes HTML in titles to text', () => {
    const feed = parse('rss2-full.xml');
    expect(feed.title).toBe('The Valley & Coast Courier');
    const [item] = feed.items;
    expect(item).toMatchObject({
      title: 'Council approves new bridge & cycle lanes',
      guid: 'https://courier.example/news/bridge?id=7',
      publishedAt: '2026-11-18T09:30:00.000Z',
      author: 'Mira Holt',
      categories: ['Transport', 'Council'],
      summaryText: 'A short summary.',
    });
    expect(item!.contentHtml).toContain('<p>"This bridge will finally join');
  });

  it('reads Atom, with an HTML feed title and a relative entry link', () => {
    const feed = parse('atom.xml', 'application/atom+xml', 'https://mountain.example/atom.xml');
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Mountain Post');
    expect(feed.items[0]).toMatchObject({
      title: 'Pass reopens after snowfall',
      guid: 'tag:mountain.example,2026:pass-reopens',
      link: 'https://mountain.example/2026/pass-reopens',
      publishedAt: '2026-11-19T07:00:00.000Z',
      author: 'Karl Brenner',
      categories: ['Roads'],
      summaryText: 'Snow ploughs worked through the night.',
      contentHtml: null,
    });
  });

  it('reads JSON Feed, keeping a literal "<" in a title', () => {
    const feed = parse('feed.json', 'application/feed+json');
    expect(feed.format).toBe('json');
    expect(feed.items[0]).toMatchObject({
      title: 'Chip plant opens <3 years late',
      link: 'https://circuit.example/2026/chip-plant',
      publishedAt: '2026-11-17T11:00:00.000Z',
      author: 'Noor Haddad',
      categories: ['chips', 'industry'],
    });
    expect(feed.items[0]!.contentHtml).toContain('The plant opened three years late.');
  });

  it('refuses a billion-laughs document instead of expanding it', () => {
    const error = parseError(fixture('billion-laughs.xml'));
    expect(error.kind).toBe('not-a-feed');
    expect(error.message).toMatch(/declares XML entities/);
  });

  it('refuses malformed XML and documents that are not feeds, saying which', () => {
    expect(parseError(fixture('malformed.xml'))).toMatchObject({
      kind: 'not-a-feed',
      message: 'not a feed: malformed feed',
    });
    expect(parseError('<html><body>Hello</body></html>')).toMatchObject({
      kind: 'not-a-feed',
      message: 'not a feed: not RSS, Atom, RDF or JSON Feed',
    });
    expect(parseError('{"hello": "world"}').kind).toBe('not-a-feed');
  });

  it('does not mistake an article that talks about <!ENTITY> in CDATA for an attack', () => {
    const text = `<?xml version="1.0"?><rss version="2.0"><channel><title>XML tips</title><item><title>Entities</title>
      <guid>xml-tips-entities-explained</guid><description><![CDATA[Never accept <!ENTITY declarations]]></description></item></channel></rss>`;
    expect(parseFeedDocument(text, null).items[0]!.title).toBe('Entities');
  });
});
