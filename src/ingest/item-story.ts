import type { ExtractedArticle } from '../core/domain.js';
import type { Logger } from '../core/ports.js';
import type { NewStory } from '../core/story-port.js';
import type { FeedItem } from './feed-parse.js';
import { capNullable, capText, capUrl, FIELD_CAPS } from './field-caps.js';
import { truncateText } from './text-cut.js';
import type { Fetcher } from './http-fetch.js';
import { chooseLeadImage } from './lead-image.js';
import type { TaskRunner } from './worker-pool.js';

/** A summary at least this long (as text) is taken as the item's full text. */
export const FULL_TEXT_CHARS = 500;
const STANDFIRST_CHARS = 400;
const MAX_TAGS = 12;

export const ARTICLE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';

export interface EnrichDeps {
  runner: TaskRunner;
  articles: Fetcher;
  logger: Logger;
}

/** What a story is, before it has topics. */
export type ItemStory = Omit<NewStory, 'topicIds'>;

export interface ItemContext {
  key: string;
  feedId: number;
  source: string;
  arrivedAt: string;
  eligibleForDigest: boolean;
  /** False when this poll has used up its article fetches: the summary is kept instead. */
  mayFetchArticle: boolean;
}

/**
 * Turns a feed item into a story: extraction from the item's own full text when it carries one,
 * else from its article page (same limits and address guard as feeds). When neither works the
 * feed's title and summary are kept and the story is marked not enriched.
 */
export async function storyFromItem(item: FeedItem, context: ItemContext, deps: EnrichDeps): Promise<ItemStory> {
  const article = await extractFor(item, context, deps);
  const summary = item.summaryText ? truncateText(item.summaryText, STANDFIRST_CHARS) : null;
  const url = capUrl(item.link);
  return {
    key: context.key,
    feedId: context.feedId,
    url,
    headline: capText(item.title || article?.headline || url || 'Untitled', FIELD_CAPS.headline),
    standfirst: capNullable(article?.standfirst ?? summary, FIELD_CAPS.standfirst),
    byline: capNullable(article?.byline ?? item.author, FIELD_CAPS.byline),
    source: capText(context.source, FIELD_CAPS.feedTitle),
    publishedAt: item.publishedAt ?? article?.publishedAt ?? null,
    arrivedAt: context.arrivedAt,
    tags: [...new Set([...item.categories, ...(article?.topics ?? [])])]
      .slice(0, MAX_TAGS)
      .map((tag) => capText(tag, FIELD_CAPS.tag)),
    imageUrl: chooseLeadImage(article?.imageUrl, item.imageUrl),
    quotes: article?.quotes ?? [],
    keyQuotes: article?.keyQuotes ?? [],
    enriched: article !== null,
    eligibleForDigest: context.eligibleForDigest,
  };
}

/** Whether the item carries its own full text: content:encoded (or the like), or a long summary. */
export function fullTextOf(item: FeedItem): string | null {
  if (item.contentHtml) return item.contentHtml;
  return item.summaryHtml && item.summaryText.length >= FULL_TEXT_CHARS ? item.summaryHtml : null;
}

async function extractFor(item: FeedItem, context: ItemContext, deps: EnrichDeps): Promise<ExtractedArticle | null> {
  const log = deps.logger.child({ story: context.key });
  const fullText = fullTextOf(item);
  try {
    if (fullText) return usable(await deps.runner.run('extract', { text: fullText, url: item.link }));
    if (!item.link || !context.mayFetchArticle) return null;
    const page = await deps.articles.fetch(item.link, { accept: ARTICLE_ACCEPT });
    if (page.status !== 'ok') return null;
    if (page.contentType && !/html|xml|text\/plain/i.test(page.contentType)) {
      log.debug({ url: page.url, contentType: page.contentType }, 'article page is not HTML; keeping the summary');
      return null;
    }
    return usable(await deps.runner.run('extract', { bytes: page.body, contentType: page.contentType, url: page.url }));
  } catch (error) {
    log.debug({ url: item.link, err: error }, 'article not extracted; keeping the summary');
    return null;
  }
}

/** An extraction that found no text at all is no better than the summary. */
const usable = (article: ExtractedArticle): ExtractedArticle | null => (article.paragraphs.length > 0 ? article : null);
