import { describe, expect, it } from 'vitest';
import { ingestHarness } from './helpers/harness.js';
import { serve, startServer } from './helpers/feed-server.js';

/**
 * A 10-entry Atom feed of the kinds real blogs publish: an xml:base on the feed and on some
 * entries, relative hrefs, fragment ids on one page, relative and opaque ids. Every entry is a
 * story of its own, with the link its xml:base gives it.
 */

const entry = (id: string, title: string, link: string, attributes = '') =>
  `<entry${attributes}><id>${id}</id><title>${title}</title><link rel="alternate" type="text/html" href="${link}"/><updated>2026-11-0${title.length % 9}T10:00:00Z</updated></entry>`;

const ENTRIES = [
  entry('tag:blog.example,2026:1', 'One', 'posts/1'),
  entry('/posts/2', 'Two', 'posts/2'),
  entry('3', 'Three', '/posts/3'),
  // A page of short notes: ids and links differ only by their fragment.
  entry('https://blog.example/notes#4', 'Four', 'notes#4'),
  entry('https://blog.example/notes#5', 'Five', 'notes#5'),
  // Two entries syndicated from elsewhere: the same relative href under different bases.
  entry('urn:uuid:6', 'Six', 'post', ' xml:base="https://alpha.example/a/"'),
  entry('urn:uuid:7', 'Seven', 'post', ' xml:base="https://beta.example/b/"'),
  entry('tag:blog.example,2026:8', 'Eight', '../archive/8'),
  entry('tag:blog.example,2026:9', 'Nine', './9'),
  entry('tag:blog.example,2026:10', 'Ten', '?p=10'),
];

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/journal/">
<title>The Journal</title><id>tag:blog.example,2026:feed</id><updated>2026-11-10T00:00:00Z</updated>
<link rel="alternate" href="./"/>
${ENTRIES.join('\n')}
</feed>`;

describe('an Atom feed with relative links', () => {
  it('stores all ten entries, each with the link its xml:base gives it', async () => {
    const server = await startServer({ '/atom.xml': serve(FEED, 'application/atom+xml') });
    const h = ingestHarness();
    await h.feed(server.url('/atom.xml'), await h.topic('journal'));
    const [result] = await h.ingest.pollDueFeeds();
    expect(result).toMatchObject({ outcome: 'updated', items: 10, newStories: 10 });
    const links = Object.fromEntries(
      (h.db.prepare('SELECT headline, url FROM stories').all() as { headline: string; url: string }[]).map((row) => [
        row.headline,
        row.url,
      ]),
    );
    expect(links).toEqual({
      One: 'https://blog.example/journal/posts/1',
      Two: 'https://blog.example/journal/posts/2',
      Three: 'https://blog.example/posts/3',
      Four: 'https://blog.example/journal/notes#4',
      Five: 'https://blog.example/journal/notes#5',
      Six: 'https://alpha.example/a/post',
      Seven: 'https://beta.example/b/post',
      Eight: 'https://blog.example/archive/8',
      Nine: 'https://blog.example/journal/9',
      Ten: 'https://blog.example/journal/?p=10',
    });
  });
});
