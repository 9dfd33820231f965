/**
 * Main text lost (issue 14 item 7): when Readability keeps only a tiny fragment of a page, such as a print
 * view's "This page was printed from …" footer, the story's cluster of paragraphs is read instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/extract/dom.js';
import { extractArticle } from '../../src/extract/index.js';
import { largestParagraphCluster, TINY_MAIN_TEXT } from '../../src/extract/paragraph-cluster.js';
import { ARTICLES_DIR } from './fixture-set.js';

const sentence = (n: number): string =>
  `Sentence ${n} of the report explains what the harbour board decided about the ferry timetable this week.`;

describe('a page whose main text Readability misses', () => {
  it('reads the story from a print view where Readability keeps only the printed-from footer', () => {
    const html = readFileSync(join(ARTICLES_DIR, '25-en-print-view-tram.html'), 'utf8');
    const article = extractArticle(html, { contentType: 'text/html' });
    expect(article.paragraphs).toHaveLength(6);
    expect(article.paragraphs[0]).toMatch(/^The extension of the number 4 tram line/);
    expect(article.paragraphs.some((paragraph) => paragraph.includes('printed from'))).toBe(false);
    expect(article.quotes.map((quote) => quote.speaker)).toEqual(['Ines Varga', 'Ines Varga', 'Piet de Boer']);
  });

  it('keeps a short article as it is when no cluster of paragraphs holds several times more text', () => {
    const html = `<html><head><title>Ferry timetable</title></head><body><article><h1>Ferry timetable</h1>
      <p>${sentence(1)} ${sentence(2)} ${sentence(3)}</p></article>
      <div class="sidebar"><p>${sentence(4)}</p><p>${sentence(5)}</p></div></body></html>`;
    expect(extractArticle(html, { contentType: 'text/html' }).paragraphs).toEqual([
      `${sentence(1)} ${sentence(2)} ${sentence(3)}`,
    ]);
  });
});

describe('the largest cluster of paragraphs', () => {
  const page = `<html><body><div id="nav"><p>${sentence(1)}</p></div>
    <div id="story"><p>${sentence(2)}</p><p>${sentence(3)}</p><p>short</p><section><p>${sentence(4)}</p></section>
    <p>${sentence(5)}</p><p>${sentence(6)}</p><p>${sentence(7)}</p></div></body></html>`;
  const storyLength = [2, 3, 5, 6, 7].reduce((sum, n) => sum + sentence(n).length, 0);

  it('is the parent whose own paragraphs hold the most text, short labels not counted', () => {
    expect(storyLength).toBeGreaterThan(TINY_MAIN_TEXT);
    expect(largestParagraphCluster(parseDocument(page), 100)?.getAttribute('id')).toBe('story');
  });

  it('is none unless it holds three times the text already chosen and more than a tiny text', () => {
    expect(largestParagraphCluster(parseDocument(page), Math.ceil(storyLength / 3))).toBeNull();
    expect(largestParagraphCluster(parseDocument(page), Math.floor(storyLength / 3) - 1)?.getAttribute('id')).toBe(
      'story',
    );
    const small = `<html><body><div><p>${sentence(1)}</p><p>${sentence(2)}</p></div></body></html>`;
    expect(largestParagraphCluster(parseDocument(small), 0)).toBeNull();
  });
});
