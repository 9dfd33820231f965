import { describe, expect, it } from 'vitest';
import { ingestHarness } from './helpers/harness.js';
import { serve, startServer } from './helpers/feed-server.js';

/** Feeds that declare no character set, polled through the real fetch, parse and store. */

const latin1Feed = (titles: string[]): Buffer =>
  Buffer.from(
    `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Not\u00edcias do Desporto</title><link>https://desporto.example/</link>
<description>Resultados e an\u00e1lises</description>
${titles.map((title, index) => `<item><title>${title}</title><guid isPermaLink="false">desporto-${index}-long-enough-guid</guid></item>`).join('\n')}
</channel></rss>`,
    'latin1',
  );

describe('a feed that declares no charset', () => {
  it('that is not valid UTF-8 is decoded as its legacy encoding, not with replacement characters', async () => {
    const titles = [
      'O campe\u00e3o volta \u00e0 lideran\u00e7a depois de uma vit\u00f3ria dif\u00edcil',
      'Sele\u00e7\u00e3o convoca jovens para os jogos de prepara\u00e7\u00e3o',
    ];
    // No charset in the header, none in the XML declaration, and bytes that are ISO-8859-1.
    const server = await startServer({ '/rss': serve(latin1Feed(titles), 'application/rss+xml') });
    const h = ingestHarness();
    await h.feed(server.url('/rss'), await h.topic('sport'));
    const [result] = await h.ingest.pollDueFeeds();
    expect(result).toMatchObject({ outcome: 'updated', title: 'Not\u00edcias do Desporto' });
    const headlines = h.stories().map((story) => story.headline);
    expect(headlines.sort()).toEqual([...titles].sort());
    expect(headlines.join('')).not.toContain('\uFFFD');
  });

  it('that is valid UTF-8 stays UTF-8', async () => {
    const title = 'O campe\u00e3o volta \u2014 \u201cfinalmente\u201d';
    const body = Buffer.from(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Desporto</title><link>https://d.example/</link><description>d</description><item><title>${title}</title><guid isPermaLink="false">desporto-utf8-long-enough-guid</guid></item></channel></rss>`,
      'utf8',
    );
    const server = await startServer({ '/rss': serve(body, 'application/rss+xml') });
    const h = ingestHarness();
    await h.feed(server.url('/rss'), await h.topic('sport'));
    await h.ingest.pollDueFeeds();
    expect(h.stories().map((story) => story.headline)).toEqual([title]);
  });
});
