/**
 * Names completed from outside the body and headlines printed with a kicker (issue 14), on invented pages.
 */
import { describe, expect, it } from 'vitest';
import { chooseHeadline } from '../../src/extract/headline.js';
import { extractArticle } from '../../src/extract/index.js';
import { mendBrokenParagraphs } from '../../src/extract/text-blocks.js';

describe('names completed from outside the body', () => {
  it('mends a full name an ad cut in two across paragraphs', () => {
    expect(mendBrokenParagraphs(['The envoy here, Tom', 'Brandt, said the talks would go on.'])).toEqual([
      'The envoy here, Tom Brandt, said the talks would go on.',
    ]);
  });

  it('completes a surname from a photo caption the body left out', () => {
    const html = `<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>
      <figure><img src="a.jpg"><figcaption>Governor Helena M. Dorsey speaks in the capital.</figcaption></figure>
      ${'<p>The talks on the river treaty resumed on Monday after a pause of several weeks, officials said.</p>'.repeat(3)}
      <p>"We are closer than we have ever been to a deal that works for both banks of the river," Dorsey said.</p>
      </article></body></html>`;
    expect(extractArticle(html, { contentType: 'text/html' }).quotes.map((q) => q.speaker)).toEqual([
      'Helena M. Dorsey',
    ]);
  });
});

describe('headline with a kicker', () => {
  const none = { ogTitle: null, twitterTitle: null, jsonLd: null, title: null, siteName: null };

  it('drops a one-word topic kicker the heading prints before the headline og:title gives alone', () => {
    expect(
      chooseHeadline({
        ...none,
        h1s: ['Hafenstreik: Fährbetreiber verklagt Gewerkschaft'],
        ogTitle: 'Fährbetreiber verklagt Gewerkschaft',
        title: 'Hafenstreik: Fährbetreiber verklagt Gewerkschaft - Wirtschaft - Beispielzeitung.de',
      }),
    ).toBe('Fährbetreiber verklagt Gewerkschaft');
  });

  it('keeps a longer lead-in before the colon as part of the printed headline', () => {
    expect(
      chooseHeadline({
        ...none,
        h1s: ['Harbour board review: Ferry delays are badly handled'],
        ogTitle: "Ferry delays are 'badly handled'",
        title: 'Harbour News - Harbour board review: Ferry delays are badly handled',
      }),
    ).toBe('Harbour board review: Ferry delays are badly handled');
  });
});

describe('headline by agreement of the h1, og:title, JSON-LD and <title>', () => {
  const none = { h1s: [], ogTitle: null, twitterTitle: null, jsonLd: null, title: null, siteName: null };
  const headline = 'Tram line extension approved by council';

  it('cuts an author appended to the <title> with a bar', () => {
    expect(chooseHeadline({ ...none, title: `${headline} | Marta Keller` })).toBe(headline);
  });

  it('cuts a site set before the headline with a bar', () => {
    expect(chooseHeadline({ ...none, title: `Valley Post | ${headline}` })).toBe(headline);
  });

  it('takes the headline JSON-LD and the <title> agree on over a section name in the h1', () => {
    expect(
      chooseHeadline({ ...none, h1s: ['Transport'], jsonLd: headline, title: `${headline} | Transport | Valley Post` }),
    ).toBe(headline);
  });

  it('takes the headline from an og:title that carries the site name too', () => {
    const withSite = `${headline} | Valley Post`;
    expect(
      chooseHeadline({ ...none, h1s: ['Local'], ogTitle: withSite, title: withSite, siteName: 'Valley Post' }),
    ).toBe(headline);
  });

  it('takes the printed h1 that JSON-LD repeats over a different social og:title', () => {
    expect(
      chooseHeadline({
        ...none,
        h1s: [headline],
        ogTitle: 'You will not believe what the council approved',
        jsonLd: headline,
        title: 'Tram line extension approved | Valley Post',
      }),
    ).toBe(headline);
  });

  it('reads the JSON-LD headline from a page whose h1 is the section name', () => {
    const html = `<!doctype html><html><head><title>${headline} - Marta Keller - Valley Post</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${headline}"}</script>
      </head><body><header><h1 class="section">Transport</h1></header><article>
      <p>The extension of the number 4 tram line to the hospital was approved by the city council on Wednesday night.</p>
      <p>Councillors voted 27 to 19 in favour of the plan, which adds four stops and three kilometres of track.</p>
      </article></body></html>`;
    expect(extractArticle(html, { contentType: 'text/html' }).headline).toBe(headline);
  });
});
