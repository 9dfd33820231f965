import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { extractArticle, findQuotes } from '../../src/extract/index.js';

/**
 * A bound on a hang (quadratic or exponential work would take minutes), not a speed check: these inputs take
 * well under a second alone but share the machine with other test files. Speed is measured in `npm run bench`.
 */
const LIMIT_MS = 20_000;

function timed<T>(run: () => T): { result: T | Error; ms: number } {
  const start = performance.now();
  try {
    return { result: run(), ms: performance.now() - start };
  } catch (error) {
    return { result: error as Error, ms: performance.now() - start };
  }
}

describe('hostile input', () => {
  it('refuses 10 MB of text quickly with a clear message', () => {
    const text = 'The council said it would review the plan. '.repeat(250_000);
    const { result, ms } = timed(() => extractArticle(text));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(result).toBeInstanceOf(UserError);
    expect((result as Error).message).toMatch(/MB/);
  });

  it('reads nearly 2 MB of text with no paragraph breaks at all within the limit', () => {
    const text = "Officials said 'the plan is sound and will go ahead' while critics disagreed. ".repeat(24_000);
    const { result, ms } = timed(() => extractArticle(text, { contentType: 'text/plain' }));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(result).not.toBeInstanceOf(Error);
    expect((result as ReturnType<typeof extractArticle>).quotes.length).toBeGreaterThan(0);
  });

  it('refuses an HTML page over 5 MB with a clear message', () => {
    const html = `<html><body>${'<p>Filler paragraph text for a very large page.</p>'.repeat(120_000)}</body></html>`;
    const { result, ms } = timed(() => extractArticle(html));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(result).toBeInstanceOf(UserError);
  });

  it('survives unbalanced quotation marks everywhere', () => {
    const marks = ['"', "'", '“', '‘', '’', '”', '«', '»'];
    const paragraph = Array.from(
      { length: 200_000 },
      (_, i) => `${marks[i % marks.length]}word${i % 7 === 0 ? 's' : ''}`,
    ).join(' ');
    const { result, ms } = timed(() => findQuotes([paragraph, `'${paragraph}`, `“${paragraph}`]));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(Array.isArray(result)).toBe(true);
  });

  it('survives a paragraph of nothing but opening marks and apostrophes', () => {
    const text = `Title line\n\n${"'a ".repeat(300_000)}\n\n${"s' b ".repeat(200_000)}`;
    const { result, ms } = timed(() => extractArticle(text));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(result).not.toBeInstanceOf(Error);
  });

  it('reads HTML nested 10,000 deep', () => {
    const html = `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(10_000)}<p>“We will not be moved by this at all,” said Jane Doe.</p>${'</div>'.repeat(10_000)}</body></html>`;
    const { result, ms } = timed(() => extractArticle(html));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(result).not.toBeInstanceOf(Error);
    const article = result as ReturnType<typeof extractArticle>;
    expect(article.quotes.map((quote) => quote.speaker)).toEqual(['Jane Doe']);
  });

  it('reads unclosed and mismatched tags', () => {
    const html = `<html><body><p>${'<b><i><span>text '.repeat(20_000)}<p>“Done at last, and not a moment too soon,” she said.</body>`;
    const { result, ms } = timed(() => extractArticle(html));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(result).not.toBeInstanceOf(Error);
  });

  it('gives an empty result for empty or meaningless input', () => {
    for (const input of ['', '   \n\n  ', '<html></html>', '\u0000\u0001\u0002', '<<<>>>']) {
      const article = extractArticle(input);
      expect(article.quotes).toEqual([]);
      expect(article.keyQuotes).toEqual([]);
    }
  });
});
