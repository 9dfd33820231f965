/**
 * An article page's own description of itself: meta tags, JSON-LD and the tag footer, read in one pass
 * (page-scan.ts). Read before Readability, which changes the document.
 */
import { parsePublishedDate } from './dates.js';
import type { DomDocument } from './dom.js';
import { chooseHeadline } from './headline.js';
import { scanPage, type PageScan } from './page-scan.js';
import { cleanByline, splitTopicList } from './boilerplate.js';
import { collapseWhitespace } from './text-utils.js';

/** Metadata read from the page; every field may be missing. */
export interface PageMetadata {
  headline: string | null;
  standfirst: string | null;
  byline: string | null;
  publishedAt: string | null;
  topics: string[];
  siteName: string | null;
  /** The page's lead image as the page wrote it (maybe relative): og:image, twitter:image, JSON-LD image. */
  image: string | null;
}

/** The first non-empty content among meta tags with these keys (property, name or itemprop). */
function meta(scan: PageScan, ...keys: string[]): string | null {
  for (const key of keys) {
    const content = scan.meta.get(key);
    if (content) return content;
  }
  return null;
}

interface JsonLdArticle {
  headline?: unknown;
  description?: unknown;
  datePublished?: unknown;
  keywords?: unknown;
  author?: unknown;
  image?: unknown;
}

const ARTICLE_TYPES = /Article|Posting|Report|BlogPosting/;

function jsonLdArticle(blocks: string[]): JsonLdArticle | null {
  for (const block of blocks) {
    try {
      const parsed: unknown = JSON.parse(block.slice(0, 200_000));
      const items: unknown[] = Array.isArray(parsed)
        ? parsed
        : [parsed, ...((parsed as { '@graph'?: unknown[] })?.['@graph'] ?? [])];
      const article = items.find((item) =>
        ARTICLE_TYPES.test(String((item as { '@type'?: unknown })?.['@type'] ?? '')),
      );
      if (article && typeof article === 'object') return article as JsonLdArticle;
    } catch {
      // A broken JSON-LD block is common and says nothing about the article; the meta tags remain.
    }
  }
  return null;
}

function authorNames(author: unknown): string | null {
  const list = Array.isArray(author) ? author : [author];
  const names = list
    .map((item) =>
      typeof item === 'string'
        ? item
        : typeof item === 'object' && item !== null
          ? (item as { name?: unknown }).name
          : null,
    )
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  return names.length > 0 ? names.join(' and ') : null;
}

/** JSON-LD's image: a URL, an ImageObject ({ url } or { contentUrl }), or a list of either (the first). */
function jsonLdImage(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return depth === 0 && value.length > 0 ? jsonLdImage(value[0], 1) : null;
  if (typeof value !== 'object' || value === null) return null;
  const { url, contentUrl } = value as { url?: unknown; contentUrl?: unknown };
  return typeof url === 'string' && url.trim()
    ? url.trim()
    : typeof contentUrl === 'string'
      ? contentUrl.trim() || null
      : null;
}

function keywordList(value: unknown): string[] {
  if (Array.isArray(value))
    return value.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
  return typeof value === 'string' ? splitTopicList(value) : [];
}

/** Reads headline, standfirst, byline, date and topics from the page's metadata. */
export function readPageMetadata(doc: DomDocument, scan: PageScan = scanPage(doc)): PageMetadata {
  const siteName = meta(scan, 'og:site_name', 'application-name');
  const ld = jsonLdArticle(scan.jsonLd);
  const ldString = (value: unknown): string | null =>
    typeof value === 'string' && value.trim() ? collapseWhitespace(value) : null;
  const headline = chooseHeadline({
    h1s: scan.h1s,
    ogTitle: meta(scan, 'og:title'),
    twitterTitle: meta(scan, 'twitter:title'),
    jsonLd: ldString(ld?.headline),
    title: scan.title || null,
    siteName,
  });
  const { deck } = scan;
  const standfirst =
    (deck.length > 0 && deck.length < 600 ? deck : null) ??
    meta(scan, 'og:description', 'description', 'twitter:description') ??
    ldString(ld?.description);
  const byline =
    meta(scan, 'author', 'article:author', 'parsely-author', 'sailthru.author') ??
    authorNames(ld?.author) ??
    (scan.bylineText || null);
  const dateText =
    meta(
      scan,
      'article:published_time',
      'og:article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
    ) ??
    ldString(ld?.datePublished) ??
    scan.time;
  const topics = [
    ...scan.articleTags.flatMap(splitTopicList),
    ...splitTopicList(meta(scan, 'keywords', 'news_keywords') ?? ''),
    ...keywordList(ld?.keywords),
    ...scan.tagLinks.map((link) => link.replace(/^#/, '')).filter((t) => t.length > 0 && t.length <= 40),
  ];
  return {
    headline,
    standfirst,
    byline: byline && byline.length <= 200 ? cleanByline(byline) || null : null,
    publishedAt: dateText ? parsePublishedDate(dateText) : null,
    topics,
    siteName,
    // The share image the publisher chose first; meta tags are in <head>, already scanned.
    image:
      meta(scan, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src', 'image') ??
      jsonLdImage(ld?.image),
  };
}
