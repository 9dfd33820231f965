/**
 * readabilityContent skips Readability's address fixing (issue 10): the blocks read from its content must be the
 * same as with the addresses fixed, javascript: links and relative images included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/extract/dom.js';
import { blocksOf } from '../../src/extract/html.js';
import { readabilityContent } from '../../src/extract/readability-content.js';

const paragraph = (n: number): string =>
  `<p>Paragraph ${n} of the story says what the council decided about the bridge and why the vote was close.</p>`;

const PAGE = `<!doctype html><html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>
  ${paragraph(1)}<div><div>${paragraph(2)}</div><a href="javascript:void(0)">Read more</a></div>
  <div><a href="javascript:share()"><b>Share</b> this</a>${paragraph(3)}</div>
  <div><div>${paragraph(4)}</div><a href="javascript:void(0)"> </a></div>
  <figure><img src="/images/bridge.jpg" srcset="a.jpg 1x, b.jpg 2x"><figcaption>The bridge</figcaption></figure>
  ${paragraph(5)}<p>See <a href="../council/minutes">the minutes</a> and <a href="#top">the top</a>.</p>
  </article></body></html>`;

function bothWays(html: string): [unknown, unknown] {
  const fast = readabilityContent(parseDocument(html));
  const general = readabilityContent(parseDocument(html), true);
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
});
