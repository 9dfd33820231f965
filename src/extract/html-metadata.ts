/**
 * An article page's own description of itself: meta tags, JSON-LD and the tag footer. Read before
 * Readability, which changes the document.
 */
import { parsePublishedDate } from './dates.js';
import { selectAll, textOf, type DomDocument } from './dom.js';
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
}

const TITLE_SEPARATORS = [' | ', ' - ', ' — ', ' – ', ' :: ', ' · ', ' • '];

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const element = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const content = collapseWhitespace(element?.getAttribute('content') ?? '');
    if (content) return content;
  }
  return null;
}

function metaAll(doc: DomDocument, key: string): string[] {
  return selectAll(doc, `meta[property="${key}"], meta[name="${key}"]`).map((element) =>
    collapseWhitespace(element.getAttribute('content') ?? ''),
  );
}

/** "Headline | Site" → "Headline": drops the site's part, named or the shorter side of the last separator. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  for (const separator of TITLE_SEPARATORS) {
    const at = title.lastIndexOf(separator);
    if (at <= 0) continue;
    const head = title.slice(0, at).trim();
    const tail = title.slice(at + separator.length).trim();
    const tailIsSite = siteName !== null ? tail.toLowerCase() === siteName.toLowerCase() : tail.split(' ').length <= 4;
    if (tailIsSite && head.length > tail.length) return head;
  }
  return title.trim();
}

interface JsonLdArticle {
  headline?: unknown;
  description?: unknown;
  datePublished?: unknown;
  keywords?: unknown;
  author?: unknown;
}

const ARTICLE_TYPES = /Article|Posting|Report|BlogPosting/;

function jsonLdArticle(doc: DomDocument): JsonLdArticle | null {
  for (const script of selectAll(doc, 'script[type="application/ld+json"]').slice(0, 10)) {
    try {
      const parsed: unknown = JSON.parse((script.textContent ?? '').slice(0, 200_000));
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

function keywordList(value: unknown): string[] {
  if (Array.isArray(value))
    return value.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
  return typeof value === 'string' ? splitTopicList(value) : [];
}

/** Topics from a tag footer: links marked rel=tag or inside an element whose class names tags or topics. */
function tagFooterTopics(doc: DomDocument): string[] {
  const links = selectAll(
    doc,
    'a[rel~="tag"], [class*="tags"] a, [class*="topics"] a, [class*="tag-list"] a, [class*="keywords"] a',
  );
  return links
    .slice(0, 30)
    .map((link) => textOf(link).replace(/^#/, ''))
    .filter((topic) => topic.length > 0 && topic.length <= 40);
}

/** Reads headline, standfirst, byline, date and topics from the page's metadata. */
export function readPageMetadata(doc: DomDocument): PageMetadata {
  const siteName = meta(doc, 'og:site_name', 'application-name');
  const ld = jsonLdArticle(doc);
  const ldString = (value: unknown): string | null =>
    typeof value === 'string' && value.trim() ? collapseWhitespace(value) : null;
  const rawTitle =
    meta(doc, 'og:title', 'twitter:title') ??
    ldString(ld?.headline) ??
    (textOf(doc.querySelector('h1')) || textOf(doc.querySelector('title')) || null);
  const headline = rawTitle === null ? null : stripSiteSuffix(rawTitle, siteName);
  const deck = textOf(
    doc.querySelector('[class*="standfirst"], [class*="subheadline"], [class*="dek"], [class*="deck"]'),
  );
  const standfirst =
    (deck.length > 0 && deck.length < 600 ? deck : null) ??
    meta(doc, 'og:description', 'description', 'twitter:description') ??
    ldString(ld?.description);
  const byline =
    meta(doc, 'author', 'article:author', 'parsely-author', 'sailthru.author') ??
    authorNames(ld?.author) ??
    (textOf(
      doc.querySelector('[rel="author"], [class*="byline"] [class*="name"], [class*="byline"], [class*="author"]'),
    ) ||
      null);
  const dateText =
    meta(
      doc,
      'article:published_time',
      'og:article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
    ) ??
    ldString(ld?.datePublished) ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const topics = [
    ...metaAll(doc, 'article:tag').flatMap(splitTopicList),
    ...splitTopicList(meta(doc, 'keywords', 'news_keywords') ?? ''),
    ...keywordList(ld?.keywords),
    ...tagFooterTopics(doc),
  ];
  return {
    headline,
    standfirst,
    byline: byline && byline.length <= 200 ? cleanByline(byline) || null : null,
    publishedAt: dateText ? parsePublishedDate(dateText) : null,
    topics,
    siteName,
  };
}
