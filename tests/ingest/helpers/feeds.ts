import { readFileSync } from 'node:fs';

export interface TestItem {
  title: string;
  guid?: string;
  link?: string;
  description?: string;
  content?: string;
  pubDate?: string;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document with these items (content goes in content:encoded). */
export function rssFeed(title: string, items: readonly TestItem[]): string {
  const entries = items.map((item) =>
    [
      '<item>',
      `<title>${escape(item.title)}</title>`,
      item.guid ? `<guid isPermaLink="false">${escape(item.guid)}</guid>` : '',
      item.link ? `<link>${escape(item.link)}</link>` : '',
      item.description ? `<description>${escape(item.description)}</description>` : '',
      item.content ? `<content:encoded><![CDATA[${item.content}]]></content:encoded>` : '',
      item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : '',
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escape(title)}</title>
<link>https://example.org/</link><description>test</description>${entries.join('\n')}</channel></rss>`;
}

/** A fixture document from tests/fixtures/feeds, with {{origin}} replaced. */
export function fixture(name: string, origin = 'http://127.0.0.1'): string {
  return readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8').replaceAll(
    '{{origin}}',
    origin,
  );
}

/** A full-text article body long enough to count as the item's full text, with a quotation. */
export function articleHtml(headline: string, quote: string, speaker: string): string {
  return `<p>${headline}: the council met on Tuesday evening to settle the matter after months of argument.</p>
<p>"${quote}," said ${speaker}, who chairs the committee.</p>
<p>The decision takes effect next month, and officials expect the first changes to be visible by spring.</p>`;
}
