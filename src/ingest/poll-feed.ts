import type { Feed, Topic } from '../core/domain.js';
import type { FeedPollResult } from '../core/ingest-port.js';
import type { Clock, FeedStore, Logger, TopicStore } from '../core/ports.js';
import type { StoryStore } from '../core/story-port.js';
import { isNewAtFirstPoll, type BaselineStore } from './feed-baseline.js';
import { afterFailure, afterSuccess } from './feed-health.js';
import { capNullable, capText, FIELD_CAPS } from './field-caps.js';
import { FetchError, toFetchError } from './fetch-error.js';
import { isFilePath, readFeedFile } from './file-source.js';
import type { FeedItem, ParsedFeed } from './feed-parse.js';
import type { FetchResult, Fetcher } from './http-fetch.js';
import { storyFromItem } from './item-story.js';
import { feedStoryKey, storyKey } from './story-key.js';
import { matchingTopicIds } from './topic-match.js';
import type { TaskRunner } from './worker-pool.js';

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** Article pages fetched per feed per poll at most; later items keep their summary. */
export const ARTICLE_FETCHES_PER_POLL = 30;

/** Everything a poll needs, passed in by the composition root. */
export interface PollDeps {
  feeds: FeedStore;
  topics: TopicStore;
  stories: StoryStore;
  clock: Clock;
  logger: Logger;
  feedFetcher: Fetcher;
  articleFetcher: Fetcher;
  runner: TaskRunner;
  pollIntervalMs: number;
  /** Body size limit, also for catalogue feed files. */
  maxBytes: number;
  /** Article pages fetched per feed per poll (default ARTICLE_FETCHES_PER_POLL); 0 keeps every summary. */
  articleFetchesPerPoll?: number;
  /** The items each `/feed add` saw; without it a feed's whole first poll is its baseline. */
  baselines?: BaselineStore;
  random?: () => number;
}

/**
 * Polls one feed: fetch (conditional GET), parse, store its new items as stories, and record the
 * outcome on the feed (backoff after failures). Feed problems become a `failed` result; only
 * database errors escape.
 */
export async function pollFeed(deps: PollDeps, feed: Feed): Promise<FeedPollResult> {
  const base = { feedId: feed.id, url: feed.url, title: feed.title };
  let fetched: FetchResult;
  let parsed: ParsedFeed;
  try {
    fetched = await fetchFeed(deps, feed);
    if (fetched.status === 'not-modified') {
      await deps.feeds.update(feed.id, afterSuccess(deps.clock.now(), deps.pollIntervalMs, deps.random));
      return { ...base, outcome: 'not-modified' };
    }
    parsed = await parse(deps, fetched);
  } catch (error) {
    const failure = error instanceof FetchError ? error : toFetchError(error);
    const updated = await deps.feeds.update(feed.id, afterFailure(feed, failure, deps.clock.now()));
    deps.logger.info({ feed: feed.url, kind: failure.kind, error: failure.message }, 'feed poll failed');
    return {
      ...base,
      outcome: 'failed',
      errorKind: failure.kind,
      error: failure.message,
      disabled: !updated.enabled,
      nextPollAt: updated.nextPollAt,
    };
  }
  const firstPoll = feed.firstPolledAt === null;
  const baseline = firstPoll ? ((await deps.baselines?.get(feed.id)) ?? null) : null;
  const newStories = await storeItems(deps, feed, parsed, (item) => !firstPoll || isNewAtFirstPoll(item, baseline));
  const now = deps.clock.now();
  const updated = await deps.feeds.update(feed.id, {
    ...afterSuccess(now, deps.pollIntervalMs, deps.random),
    title: feed.title ?? capNullable(parsed.title, FIELD_CAPS.feedTitle),
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    firstPolledAt: feed.firstPolledAt ?? now.toISOString(),
  });
  if (baseline) await deps.baselines?.clear(feed.id);
  return { ...base, title: updated.title, outcome: 'updated', newStories, items: parsed.items.length, firstPoll };
}

function fetchFeed(deps: PollDeps, feed: Feed): Promise<FetchResult> {
  if (!isFilePath(feed.url)) {
    return deps.feedFetcher.fetch(feed.url, { accept: FEED_ACCEPT, etag: feed.etag, lastModified: feed.lastModified });
  }
  if (!feed.fromCatalogue) {
    return Promise.reject(
      new FetchError('refused-address', "refused address: local files are allowed only in the operator's catalogue"),
    );
  }
  return readFeedFile(feed.url, { maxBytes: deps.maxBytes, lastModified: feed.lastModified });
}

async function parse(deps: PollDeps, fetched: Extract<FetchResult, { status: 'ok' }>): Promise<ParsedFeed> {
  try {
    const baseUrl = isFilePath(fetched.url) ? null : fetched.url;
    return await deps.runner.run('parse-feed', { bytes: fetched.body, contentType: fetched.contentType, baseUrl });
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError('not-a-feed', `not a feed: could not be parsed (${(error as Error).message})`);
  }
}

/**
 * Stores the items not seen before (oldest first, so story ids follow the feed's order of
 * publication) and adds this feed's topics to known ones. Returns how many stories were new.
 */
async function storeItems(
  deps: PollDeps,
  feed: Feed,
  parsed: ParsedFeed,
  isNews: (item: FeedItem) => boolean,
): Promise<number> {
  const topics = await deps.topics.topicsOfFeed(feed.id);
  const keyed = dedupeByKey(
    parsed.items.map((item) => ({ item, key: feedStoryKey(feed.id, storyKey(item, feed.url)) })),
  );
  const known = await deps.stories.knownKeys(keyed.map(({ key }) => key));
  for (const { key } of keyed) {
    const storyId = known.get(key);
    if (storyId !== undefined) await addFeedTopics(deps, storyId, topics);
  }
  const fresh = keyed.filter(({ key }) => !known.has(key));
  const source = capText(feed.title ?? parsed.title ?? hostOf(feed.url), FIELD_CAPS.feedTitle);
  const arrivedAt = deps.clock.now().toISOString();
  // Items come newest first; the newest get the article fetches.
  const stories = await Promise.all(
    fresh.map(({ item, key }, index) =>
      storyFromItem(
        item,
        {
          key,
          feedId: feed.id,
          source,
          arrivedAt,
          eligibleForDigest: isNews(item),
          mayFetchArticle: index < (deps.articleFetchesPerPoll ?? ARTICLE_FETCHES_PER_POLL),
        },
        { runner: deps.runner, articles: deps.articleFetcher, logger: deps.logger },
      ),
    ),
  );
  let created = 0;
  for (const story of stories.reverse()) {
    const text = {
      headline: story.headline,
      standfirst: story.standfirst,
      quotes: story.quotes.map((quote) => quote.text),
    };
    const result = await deps.stories.add({ ...story, topicIds: matchingTopicIds(topics, text) });
    if (result.created) created++;
    else await addFeedTopics(deps, result.story.id, topics);
  }
  return created;
}

/** A story this feed carries belongs to this feed's topics too (keywords permitting). */
async function addFeedTopics(deps: PollDeps, storyId: number, topics: readonly Topic[]): Promise<void> {
  const have = new Set(await deps.stories.topicIdsOf(storyId));
  const missing = topics.filter((topic) => !have.has(topic.id));
  if (missing.length === 0) return;
  const text = await deps.stories.matchText(storyId);
  if (text) await deps.stories.addTopics(storyId, matchingTopicIds(missing, text));
}

function dedupeByKey<T extends { item: FeedItem; key: string }>(entries: T[]): T[] {
  const seen = new Set<string>();
  return entries.filter(({ key }) => !seen.has(key) && seen.add(key) !== undefined);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
