import { describe, expect, it } from 'vitest';
import { MAX_ITEMS_PER_FEED, parseFeedDocument } from '../../src/ingest/feed-parse.js';
import { htmlToText } from '../../src/ingest/html-text.js';

const rssItem = (i: number, extra = ''): string =>
  `<item><title>Story ${i}</title><link>https://paper.example/${i}</link><guid>g-${i}</guid>` +
  `<description>Summary &lt;b&gt;${i}&lt;/b&gt;</description>${extra}</item>`;

const rss = (items: string, after = ''): string =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
  `<channel><title>Long &amp; Busy</title><link>https://paper.example/</link>${items}${after}</channel></rss>`;

describe('long feeds', () => {
  it('keeps the first 500 items of a longer RSS feed, whole, with the feed-level elements after them', () => {
    // Items whose content mentions <item> in CDATA and in a comment, and a nested <item> element,
    // must not move where the feed is cut.
    const tricky = (i: number): string =>
      i % 50 === 0
        ? `<content:encoded><![CDATA[<p>How an <item> works</p><item>]]></content:encoded><!-- <item> -->`
        : '';
    const items = Array.from({ length: 1200 }, (_, i) => rssItem(i + 1, tricky(i + 1))).join('\n');
    const feed = parseFeedDocument(rss(items, '<description>after the items</description>'), null);
    expect(feed.title).toBe('Long & Busy');
    expect(feed.items).toHaveLength(MAX_ITEMS_PER_FEED);
    expect(feed.items.map((item) => item.guid)).toEqual(
      Array.from({ length: MAX_ITEMS_PER_FEED }, (_, i) => `g-${i + 1}`),
    );
    expect(feed.items[499]).toMatchObject({ title: 'Story 500', summaryText: 'Summary 500' });
    expect(feed.items[49]!.contentHtml).toBe('<p>How an <item> works</p><item>');
  });

  it('keeps the first 500 entries of a longer Atom feed', () => {
    const entries = Array.from(
      { length: 700 },
      (_, i) =>
        `<entry><id>e-${i + 1}</id><title>Entry ${i + 1}</title><link href="/e/${i + 1}"/><updated>2026-11-18T08:00:00Z</updated></entry>`,
    ).join('');
    const text = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>${entries}</feed>`;
    const feed = parseFeedDocument(text, 'https://atom.example/feed');
    expect(feed.format).toBe('atom');
    expect(feed.items).toHaveLength(MAX_ITEMS_PER_FEED);
    expect(feed.items.at(-1)).toMatchObject({ guid: 'e-500', link: 'https://atom.example/e/500' });
  });

  it('still reads a long feed whose items the cut cannot find (prefixed item elements)', () => {
    const items = Array.from({ length: 600 }, (_, i) => rssItem(i + 1).replaceAll('item>', 'rss:item>')).join('');
    const text = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/"><rss:channel><rss:title>Prefixed</rss:title></rss:channel>${items}</rdf:RDF>`;
    // Whatever feedsmith makes of it, the answer does not depend on the cut: it is never attempted.
    expect(() => parseFeedDocument(text, null)).not.toThrow();
  });
});

describe('HTML in feed items', () => {
  it('reads an item description nested 100,000 elements deep as its text', () => {
    const depth = 100_000;
    const description = `${'<div><span>'.repeat(depth / 2)}Deep &amp; nested <b>text</b>${'</span></div>'.repeat(depth / 2)}`;
    const text = rss(
      `<item><title>Deep</title><guid>deep</guid><description><![CDATA[${description}]]></description></item>`,
    );
    const feed = parseFeedDocument(text, null);
    expect(feed.items[0]!.summaryText).toBe('Deep & nested text');
  });

  it('drops scripts, styles, noscript and template content, and reads block ends as spaces', () => {
    expect(
      htmlToText(
        '<p>One</p><p>two<br>three</p><script>alert(1)</script><style>p{}</style><noscript>no</noscript>' +
          '<template><p>hidden</p></template><ul><li>four</li><li>five</li></ul> caf&eacute; &#8220;q&#8221; AT&T',
      ),
    ).toBe('One two three four five café “q” AT&T');
  });
});
