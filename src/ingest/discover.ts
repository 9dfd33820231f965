import { parseHTML } from 'linkedom';
import { absoluteHttpUrl } from './feed-parse.js';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'application/xml',
  'text/xml',
]);

/**
 * The feeds a web page announces with <link rel="alternate" type="…rss/atom/json…" href>, as
 * absolute http(s) URLs in page order, without duplicates.
 */
export function findFeedLinks(html: string, baseUrl: string): string[] {
  const { document } = parseHTML(html);
  const base = document.querySelector('base[href]')?.getAttribute('href');
  const resolvedBase = absoluteHttpUrl(base, baseUrl) ?? baseUrl;
  const found: string[] = [];
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) continue;
    const url = absoluteHttpUrl(link.getAttribute('href'), resolvedBase);
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}

// Kept here too for its importers; it lives apart so the main thread need not load linkedom.
export { looksLikeHtml } from './html-sniff.js';
