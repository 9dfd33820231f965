import { parseFeed } from 'feedsmith';
import { withFirstItems } from './feed-cut.js';
import { atomEntryImage, jsonItemImage, rssItemImage, type MediaFields } from './feed-images.js';
import { FetchError } from './fetch-error.js';
import { isoDate } from './feed-dates.js';
import { htmlToText, truncateText } from './html-text.js';
import { assertNoEntityDeclarations } from './xml-prolog.js';

/** One feed item, the same shape whatever the format. Text fields are plain text. */
export interface FeedItem {
  guid: string | null;
  /** Absolute http(s) link to the article page. */
  link: string | null;
  title: string;
  summaryHtml: string | null;
  /** Full text (content:encoded, Atom content, JSON Feed content_html/content_text). */
  contentHtml: string | null;
  summaryText: string;
  publishedAt: string | null;
  author: string | null;
  categories: string[];
  /** The item's own lead image (Media RSS, an image enclosure, JSON Feed image), absolute http(s); not yet guarded. */
  imageUrl: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  siteUrl: string | null;
  items: FeedItem[];
}

/** A feed with more items than this is read up to here: no news feed needs more, and the work stays bounded. */
export const MAX_ITEMS_PER_FEED = 500;

export { isoDate };

/**
 * Parses RSS 0.9x/1.0/2.0, RDF, Atom and JSON Feed into FeedItems. Relative links are resolved
 * against `baseUrl`. Throws a `not-a-feed` FetchError for anything else, malformed XML, or XML
 * that declares entities.
 */
export function parseFeedDocument(text: string, baseUrl: string | null): ParsedFeed {
  assertNoEntityDeclarations(text);
  // A long feed is cut to its first items before parsing; checked, else the whole is parsed.
  const cut = withFirstItems(text, MAX_ITEMS_PER_FEED);
  let parsed = cut === null ? null : parseOrNull(cut);
  if (parsed === null || itemCount(parsed) !== MAX_ITEMS_PER_FEED) {
    try {
      parsed = parseFeed(text, { maxItems: MAX_ITEMS_PER_FEED });
    } catch (error) {
      const name = (error as Error).name;
      const reason = name === 'DetectError' ? 'not RSS, Atom, RDF or JSON Feed' : 'malformed feed';
      throw new FetchError('not-a-feed', `not a feed: ${reason}`);
    }
  }
  const resolve = (link: string | undefined | null): string | null => absoluteHttpUrl(link, baseUrl);
  switch (parsed.format) {
    case 'rss':
    case 'rdf': {
      const { feed } = parsed;
      const items = (feed.items ?? []) as RssLikeItem[];
      return {
        format: parsed.format,
        title: textOrNull(feed.title),
        siteUrl: resolve(feed.link),
        items: items.slice(0, MAX_ITEMS_PER_FEED).map((item) =>
          makeItem({
            guid: item.guid?.value ?? item.rdf?.about ?? null,
            link: resolve(item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined)),
            title: item.title ?? item.dc?.titles?.[0],
            summaryHtml: item.description ?? item.dc?.descriptions?.[0],
            contentHtml: item.content?.encoded,
            date: item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.issued,
            author: item.authors?.[0]?.name ?? item.authors?.[0]?.email ?? item.dc?.creators?.[0],
            categories: [...(item.categories ?? []).map((category) => category.name), ...(item.dc?.subjects ?? [])],
            imageUrl: resolve(rssItemImage(item)),
          }),
        ),
      };
    }
    case 'atom': {
      const { feed } = parsed;
      return {
        format: 'atom',
        title: textOrNull(feed.title?.value),
        siteUrl: resolve(alternateLink(feed.links)),
        items: (feed.entries ?? []).slice(0, MAX_ITEMS_PER_FEED).map((entry) =>
          makeItem({
            guid: entry.id ?? null,
            link: resolve(alternateLink(entry.links)),
            title: entry.title?.value,
            summaryHtml: atomHtml(entry.summary),
            contentHtml: entry.content?.src ? undefined : atomHtml(entry.content),
            date: dateText(entry.published ?? entry.updated),
            author: entry.authors?.[0]?.name,
            categories: (entry.categories ?? []).map((category) => category.label ?? category.term),
            imageUrl: resolve(atomEntryImage(entry)),
          }),
        ),
      };
    }
    case 'json': {
      const { feed } = parsed;
      return {
        format: 'json',
        title: textOrNull(feed.title),
        siteUrl: resolve(feed.home_page_url),
        items: (feed.items ?? []).slice(0, MAX_ITEMS_PER_FEED).map((item) =>
          makeItem({
            guid: item.id === undefined ? null : String(item.id),
            link: resolve(item.url ?? item.external_url),
            title: item.title,
            summaryHtml: item.summary === undefined ? undefined : escapeHtml(item.summary),
            contentHtml:
              item.content_html ?? (item.content_text === undefined ? undefined : escapeHtml(item.content_text)),
            date: dateText(item.date_published ?? item.date_modified),
            author: item.authors?.[0]?.name,
            categories: item.tags ?? [],
            imageUrl: resolve(jsonItemImage(item)),
          }),
        ),
      };
    }
  }
}

type Parsed = ReturnType<typeof parseFeed>;

function parseOrNull(text: string): Parsed | null {
  try {
    return parseFeed(text, { maxItems: MAX_ITEMS_PER_FEED });
  } catch {
    return null;
  }
}

function itemCount(parsed: Parsed): number {
  const list = parsed.format === 'atom' ? parsed.feed.entries : parsed.feed.items;
  return list?.length ?? 0;
}

interface RssLikeItem {
  title?: string;
  link?: string;
  description?: string;
  guid?: { value?: string; isPermaLink?: boolean };
  pubDate?: string;
  authors?: { name?: string; email?: string }[];
  categories?: { name?: string }[];
  content?: { encoded?: string };
  rdf?: { about?: string };
  dc?: { titles?: string[]; descriptions?: string[]; dates?: string[]; creators?: string[]; subjects?: string[] };
  dcterms?: { issued?: string };
  media?: MediaFields;
  enclosures?: { url?: string; type?: string }[];
  itunes?: { image?: string };
}

interface RawItem {
  guid: string | null;
  link: string | null;
  title: string | undefined;
  summaryHtml: string | undefined;
  contentHtml: string | undefined;
  date: string | undefined;
  author: string | undefined;
  categories: (string | undefined)[];
  imageUrl: string | null;
}

function makeItem(raw: RawItem): FeedItem {
  const summaryText = raw.summaryHtml ? htmlToText(raw.summaryHtml) : '';
  const contentHtml = raw.contentHtml?.trim() ? raw.contentHtml : null;
  // RSS allows an item with only a description: its start stands in for the missing title.
  const title =
    (raw.title ? htmlToText(raw.title) : '') || truncateText(summaryText || htmlToText(contentHtml ?? ''), 120);
  return {
    guid: raw.guid?.trim() || null,
    link: raw.link,
    title,
    summaryHtml: raw.summaryHtml?.trim() ? raw.summaryHtml : null,
    contentHtml,
    summaryText,
    publishedAt: isoDate(raw.date),
    imageUrl: raw.imageUrl,
    author: raw.author ? htmlToText(raw.author) || null : null,
    categories:
      raw.categories.length === 0
        ? []
        : [...new Set(raw.categories.filter((name): name is string => !!name).map((name) => htmlToText(name)))].filter(
            Boolean,
          ),
  };
}

const textOrNull = (value: string | undefined): string | null => (value ? htmlToText(value) || null : null);

function atomHtml(text: { value?: string; type?: string } | undefined): string | undefined {
  if (!text?.value) return undefined;
  return text.type === 'html' || text.type === 'xhtml' || text.type?.includes('html')
    ? text.value
    : escapeHtml(text.value);
}

function alternateLink(links: { href?: string; rel?: string }[] | undefined): string | undefined {
  return (links ?? []).find((link) => !link.rel || link.rel === 'alternate')?.href ?? undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const dateText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** An absolute http(s) URL, resolved against `base`; null for anything else (javascript:, mailto:…). */
export function absoluteHttpUrl(link: string | undefined | null, base: string | null): string | null {
  const trimmed = link?.trim();
  if (!trimmed) return null;
  if (CANONICAL_URL.test(trimmed)) return trimmed;
  try {
    // An absolute link needs no base: one parse instead of two.
    const url = base && !/^https?:\/\//i.test(trimmed) ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A link that URL parsing would give back unchanged (its `href` is the text itself), so the parse
 * is spared: a lower-case http(s) scheme and host name (labels of letters, digits and hyphens,
 * the last one letters only, so never an IP address; no punycode to check; no port, no user), a
 * path from "/" with no dot segment, then only characters no part of a URL escapes or rewrites
 * (no "%", quote, backslash, space or non-ASCII). Every other link is parsed as before.
 */
const CANONICAL_URL =
  /^https?:\/\/(?![^/]*xn--)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}\/(?![^?#]*\/\.)(?!(?:[^?#]*\/)?\.)[A-Za-z0-9\-._~!$&()*+,;=:@/?#]*$/;
