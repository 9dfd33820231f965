import { describe, expect, it } from 'vitest';
import { guardedImageUrl } from '../../src/ingest/lead-image.js';
import { serve, startServer } from './helpers/feed-server.js';
import { fixture } from './helpers/feeds.js';
import { ingestHarness } from './helpers/harness.js';

const QUAY_PAGE = `<!doctype html><html><head><title>Quay closed for a week</title>
<meta property="og:image" content="http://[::ffff:192.168.1.20]/quay.png"></head><body><article><h1>Quay closed for a week</h1>
<p>The north quay will be closed to boats from Monday while divers inspect the wall that cracked in the storms.</p>
</article></body></html>`;

/** The fixture feed and its two article pages on a local server, polled once through the real ingest. */
async function pollPictureFeed() {
  const server = await startServer({});
  server.route('/feed', serve(fixture('media-images.xml', server.origin)));
  server.route('/articles/harbour-master', serve(fixture('article-og-image.html'), 'text/html; charset=utf-8'));
  server.route('/articles/pier-repairs', serve(fixture('article-private-image.html'), 'text/html; charset=utf-8'));
  server.route('/articles/quay', serve(QUAY_PAGE, 'text/html; charset=utf-8'));
  // The harness lifts the fetch guard (allowPrivate) so the local server can stand in for a site.
  const h = ingestHarness();
  await h.feed(server.url('/feed'), await h.topic('lakeside'));
  const [result] = await h.ingest.pollDueFeeds();
  expect(result).toMatchObject({ outcome: 'updated', newStories: 7 });
  const images = new Map(
    h.db
      .prepare<[], { headline: string; image_url: string | null }>(`SELECT headline, image_url FROM stories`)
      .all()
      .map((row) => [row.headline, row.image_url]),
  );
  return { h, server, images };
}

describe('lead images from articles and feeds', () => {
  it('keeps the article page’s og:image over the feed’s small thumbnail', async () => {
    const { h, images } = await pollPictureFeed();
    expect(images.get('Harbour master resigns after the storm season')).toBe(
      'https://img.lakeside.example/lead/harbour-1200.jpg',
    );
    const id = h.db.prepare(`SELECT id FROM stories WHERE headline LIKE 'Harbour master%'`).pluck().get() as number;
    expect((await h.stores.stories.get(id))!.imageUrl).toBe('https://img.lakeside.example/lead/harbour-1200.jpg');
  });

  it('takes the feed’s media:thumbnail, image enclosure or widest media:content when the page gives none, and no audio enclosure', async () => {
    const { images } = await pollPictureFeed();
    expect(images.get('Ferry timetable changes for the winter')).toBe(
      'https://img.lakeside.example/thumbs/ferry-240.jpg',
    );
    expect(images.get('Lighthouse reopens to visitors')).toBe('https://img.lakeside.example/2026/lighthouse.jpg');
    expect(images.get('Regatta in pictures')).toBe('https://img.lakeside.example/regatta-460.jpg');
    expect(images.get('Council meeting, the podcast')).toBeNull();
  });

  it('never stores an image on a private address (http://127.0.0.1/x.png, http://10.0.0.1/), even with the fetch guard lifted', async () => {
    const { images, server } = await pollPictureFeed();
    expect(server.hits('/articles/pier-repairs')).toBe(1);
    // The page's og:image and twitter:image and the feed's thumbnail all point inside: nothing is kept.
    expect(images.get('Pier repairs delayed again')).toBeNull();
    // The page's og:image is private (an IPv4-mapped IPv6 address), the feed's thumbnail public: that one stands in.
    expect(images.get('Quay closed for a week')).toBe('https://img.lakeside.example/thumbs/quay-240.jpg');
    expect([...images.values()].filter((url) => url && /127\.0\.0\.1|10\.0\.0\.1/.test(url))).toEqual([]);
  });

  it('resolves an Atom entry’s relative image enclosure against its xml:base, and reads a JSON Feed item’s image', async () => {
    const server = await startServer({});
    server.route(
      '/atom',
      serve(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/journal/"><title>Journal</title>
<id>tag:blog.example,2026:journal</id><updated>2026-11-20T10:00:00Z</updated>
<entry><id>tag:blog.example,2026:1</id><title>Boathouse rebuilt</title><updated>2026-11-20T10:00:00Z</updated>
<link rel="alternate" href="posts/1"/><link rel="enclosure" type="image/png" href="images/boathouse.png"/>
<content type="html">&lt;p&gt;The boathouse stands again.&lt;/p&gt;</content></entry></feed>`),
    );
    server.route(
      '/json',
      serve(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Notes',
          items: [
            {
              id: 'n1',
              url: 'https://notes.example/1',
              title: 'Swans return',
              content_text: 'The swans came back to the lake this week.',
              image: 'https://notes.example/swans.jpg',
            },
          ],
        }),
        'application/feed+json',
      ),
    );
    const h = ingestHarness();
    const topic = await h.topic('journal');
    await h.feed(server.url('/atom'), topic);
    await h.feed(server.url('/json'), topic);
    await h.ingest.pollDueFeeds();
    const rows = h.db.prepare(`SELECT headline, image_url FROM stories ORDER BY headline`).all();
    expect(rows).toEqual([
      { headline: 'Boathouse rebuilt', image_url: 'https://blog.example/journal/images/boathouse.png' },
      { headline: 'Swans return', image_url: 'https://notes.example/swans.jpg' },
    ]);
  });
});

describe('the address guard for lead images', () => {
  it('hands a platform only public http(s) addresses of a sane length', () => {
    expect(guardedImageUrl('https://img.lakeside.example/a.jpg')).toBe('https://img.lakeside.example/a.jpg');
    for (const refused of [
      'http://127.0.0.1/x.png',
      'http://10.0.0.1/',
      'http://[::1]/a.png',
      'http://169.254.169.254/latest/meta-data',
      'http://0x7f000001/a.png',
      'http://localhost/a.png',
      'http://printer.local/a.png',
      'http://intranet/a.png',
      'https://user:secret@img.lakeside.example/a.jpg',
      'ftp://img.lakeside.example/a.jpg',
      `https://img.lakeside.example/${'a'.repeat(2048)}.jpg`,
    ]) {
      expect(guardedImageUrl(refused), refused).toBeNull();
    }
  });
});
