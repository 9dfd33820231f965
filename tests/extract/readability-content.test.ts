/**
 * readabilityContent skips Readability's address fixing and replaces its slow DOM steps (issue 10): the blocks
 * read from its content must be the same as with the addresses fixed, javascript: links and relative images
 * included, and the faster steps must leave the very same content as Readability's own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/extract/dom.js';
import { blocksOf } from '../../src/extract/html.js';
import { Readability } from '@mozilla/readability';
import { readabilityContent } from '../../src/extract/readability-content.js';
import { speedUpReadability, type ReadabilitySteps } from '../../src/extract/readability-speed.js';

const paragraph = (n: number): string =>
  `<p>Paragraph ${n} of the story says what the council decided about the bridge and why the vote was close.</p>`;

const PAGE = `<!doctype html><html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>
  ${paragraph(1)}<div><div>${paragraph(2)}</div><a href="javascript:void(0)">Read more</a></div>
  <div><a href="javascript:share()"><b>Share</b> this</a>${paragraph(3)}</div>
  <div><div>${paragraph(4)}</div><a href="javascript:void(0)"> </a></div>
  <figure><img src="/images/bridge.jpg" srcset="a.jpg 1x, b.jpg 2x"><figcaption>The bridge</figcaption></figure>
  ${paragraph(5)}<p>See <a href="../council/minutes">the minutes</a> and <a href="#top">the top</a>.</p>
  </article></body></html>`;

/** A page for the replaced steps: hidden and styled elements, bylines, empty blocks, tag lookups. */
const STEPS_PAGE = `<!doctype html><html lang="en"><head><title>Ferry timetable changes</title></head><body>
  <div class="byline"><a rel="author" href="/j">Jo Park</a></div>
  <div style="display:none">${paragraph(9)}</div><div style="visibility: hidden">${paragraph(10)}</div>
  <div style="color: red">${paragraph(11)}</div><div hidden>${paragraph(12)}</div>
  <div aria-hidden="true">${paragraph(13)}</div><div aria-hidden="true" class="fallback-image">${paragraph(14)}</div>
  <article><h1>Ferry timetable changes</h1><h2>Ferry timetable</h2>${paragraph(1)}
  <div> <br> </div><section>\n</section><h3> </h3><div><span> </span><hr></div>
  <svg class="x"><title>chart</title></svg><div aria-hidden="true"><svg class="icon"></svg>Icon</div>
  ${paragraph(2)}<div><p>${paragraph(3)}</p></div><font>${paragraph(4)}</font>
  <table><tr><td>${paragraph(5)}</td></tr></table><p>Line one<br><br>line two<br><br><br>line three</p>
  <ul><li>${paragraph(6)}</li></ul><img alt="spacer"><img data-lazy="photo.jpg">
  <figure><img src="placeholder.gif" class="lazy"></figure><noscript><img src="full.jpg" alt="full"></noscript>
  <div><img data-src="a.png" title="b.webp"><img src="/pixel"><img srcset="/x 2x"></div><noscript><p>not an image</p></noscript>
  <p itemprop="author">Written by Sam Lee</p>${paragraph(7)}<iframe src="https://video.example/embed"></iframe>
  </article></body></html>`;

function bothWays(html: string): [unknown, unknown] {
  const fast = readabilityContent(parseDocument(html));
  const general = readabilityContent(parseDocument(html), { fixAddresses: true, shippedSteps: true });
  return [fast && blocksOf(fast), general && blocksOf(general)];
}

describe('Readability content without address fixing', () => {
  it('gives the same blocks as with addresses fixed for a page of javascript: links and relative addresses', () => {
    const [fast, general] = bothWays(PAGE);
    expect(general).not.toBeNull();
    expect(fast).toEqual(general);
  });

  it('gives the same blocks as with addresses fixed for every HTML fixture', () => {
    const folder = join(import.meta.dirname, '..', 'fixtures', 'articles');
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.html'))) {
      const [fast, general] = bothWays(readFileSync(join(folder, name), 'utf8'));
      expect(fast, name).toEqual(general);
    }
  });

  it("leaves the same content with the faster steps as with Readability's own, for made-up pages and fixtures", () => {
    const folder = join(import.meta.dirname, '..', 'fixtures', 'articles');
    const fixtures = readdirSync(folder)
      .filter((file) => file.endsWith('.html'))
      .map((name) => readFileSync(join(folder, name), 'utf8'));
    for (const html of [STEPS_PAGE, PAGE, ...fixtures]) {
      const fast = readabilityContent(parseDocument(html)) as { outerHTML?: string } | null;
      const shipped = readabilityContent(parseDocument(html), { shippedSteps: true }) as { outerHTML?: string } | null;
      expect(shipped?.outerHTML).toBeTruthy();
      expect(fast?.outerHTML).toBe(shipped?.outerHTML);
    }
  });

  it("leaves the page as Readability's own step does when it unwraps images from <noscript>", () => {
    const unwrapped = (fast: boolean): string => {
      const doc = parseDocument(STEPS_PAGE);
      const reader = new Readability(doc as never) as unknown as ReadabilitySteps;
      if (fast) speedUpReadability(reader);
      reader._unwrapNoscriptImages(doc as never);
      return String(doc);
    };
    const shipped = unwrapped(false);
    expect(shipped).not.toContain('alt="spacer"');
    expect(shipped).toContain('data-old-src="placeholder.gif"');
    expect(unwrapped(true)).toBe(shipped);
  });
});
