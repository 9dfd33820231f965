import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';

const page = (head: string): string =>
  `<!doctype html><html><head><title>Boathouse rebuilt</title>${head}</head><body><article><h1>Boathouse rebuilt</h1>
<p>The boathouse stands again, a year after the fire, and the rowing club moved back in on Saturday morning.</p>
</article></body></html>`;

describe('the lead image an article page names', () => {
  it('reads og:image and resolves a relative one against the page’s address', () => {
    const article = extractArticle(page('<meta property="og:image" content="/media/boathouse.jpg">'), {
      url: 'https://club.example/news/boathouse',
      contentType: 'text/html',
    });
    expect(article.imageUrl).toBe('https://club.example/media/boathouse.jpg');
  });

  it('falls back to twitter:image, then to the JSON-LD article’s image', () => {
    const twitter = extractArticle(page('<meta name="twitter:image" content="https://club.example/t.jpg">'));
    expect(twitter.imageUrl).toBe('https://club.example/t.jpg');
    const ld = extractArticle(
      page(
        `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Boathouse rebuilt","image":["https://club.example/ld-1.jpg","https://club.example/ld-2.jpg"]}</script>`,
      ),
    );
    expect(ld.imageUrl).toBe('https://club.example/ld-1.jpg');
  });

  it('names no image for a data: or javascript: address, an unresolvable relative one, or an overlong one', () => {
    const og = (content: string) =>
      extractArticle(page(`<meta property="og:image" content="${content}">`)).imageUrl ?? null;
    expect(og('data:image/png;base64,iVBORw0KGgo=')).toBeNull();
    expect(og('javascript:alert(1)')).toBeNull();
    expect(og('/media/no-page-address.jpg')).toBeNull();
    expect(og(`https://club.example/${'a'.repeat(2100)}.jpg`)).toBeNull();
  });

  it('names no image for plain text', () => {
    expect(extractArticle('Boathouse rebuilt.\n\nThe rowing club moved back in on Saturday.').imageUrl).toBeNull();
  });
});
