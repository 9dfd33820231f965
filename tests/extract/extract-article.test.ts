import { describe, expect, it } from 'vitest';
import { extractArticle, looksLikeHtml } from '../../src/extract/index.js';

describe('looksLikeHtml', () => {
  it('recognises documents and fragments but not prose', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html><body></body></html>')).toBe(true);
    expect(looksLikeHtml('<p>One.</p><p>Two.</p>')).toBe(true);
    expect(looksLikeHtml('Shares rose 3% as x < y and y > z, analysts said.')).toBe(false);
  });
});

describe('extractArticle', () => {
  it('lets the content type decide between text and HTML', () => {
    const markup = '<p>“We will rebuild the pier before the summer season starts,” said Mayor Ana Costa.</p>';
    expect(extractArticle(markup, { contentType: 'text/html; charset=utf-8' }).quotes[0]?.speaker).toBe('Ana Costa');
    const asText = extractArticle(markup, { contentType: 'text/plain' });
    expect([asText.headline, ...asText.paragraphs].join(' ')).toContain('<p>');
  });

  it('takes the headline from og:title without the site suffix, and topics from tags', () => {
    const page = `<html><head><title>Pier to reopen in May | Coast News</title>
      <meta name="keywords" content="Piers, Tourism"><meta property="article:tag" content="Brightsea"></head>
      <body><h1>Pier to reopen in May</h1><p>${'The pier will reopen after repairs costing £4m. '.repeat(10)}</p></body></html>`;
    const article = extractArticle(page);
    expect(article.headline).toBe('Pier to reopen in May');
    expect(article.topics).toEqual(['Brightsea', 'Piers', 'Tourism']);
  });
});
