import { availableParallelism } from 'node:os';
import type { FeedTools, PollDueFeeds } from '../core/ingest-port.js';
import type { Clock, FeedStore, Logger, TopicStore } from '../core/ports.js';
import type { StoryStore } from '../core/story-port.js';
import type { AddressPolicy } from './address-guard.js';
import type { BaselineStore } from './feed-baseline.js';
import { createFeedTools } from './feed-tools.js';
import { createHostLimiter } from './host-limiter.js';
import { createHttpAgent, createHttpFetcher, type FetchLimits } from './http-fetch.js';
import { pollDueFeeds } from './poll-due.js';
import type { PollDeps } from './poll-feed.js';
import { createWorkerPool, inThreadRunner, type TaskRunner } from './worker-pool.js';

export { pollDueFeeds, dueFeeds } from './poll-due.js';
export { pollFeed, type PollDeps } from './poll-feed.js';

/** The bot's User-Agent: names the bot, so a site owner can tell what is polling them. */
export const USER_AGENT = 'newsbrief/0.1 (news digest chat bot; feed reader)';

/** Ingestion's settings (from the configuration: FETCH_*, FEED_POLL_INTERVAL_MINUTES, ALLOW_PRIVATE_FEEDS). */
export interface IngestSettings {
  pollIntervalMinutes: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
  /** Feed fetches at once, over all hosts. */
  concurrency: number;
  /** Fetches at once to one host (feeds and article pages each). */
  perHostConcurrency: number;
  /** Article page fetches at once. */
  articleConcurrency: number;
  /** Worker threads for parsing and extraction; 0 runs them in this thread. Default: cores − 1 (1 to 4). */
  workers?: number;
  userAgent?: string;
  /** Which addresses the guard refuses (default: all but public unicast); tests narrow it. */
  addressPolicy?: AddressPolicy;
  /** False: never fetch article pages, keep the feeds' summaries (the feed evaluation, offline). */
  fetchArticles?: boolean;
}

export interface IngestDeps {
  feeds: FeedStore;
  topics: TopicStore;
  stories: StoryStore;
  clock: Clock;
  logger: Logger;
  /** Where `/feed add` keeps the items it saw (see feed-baseline.ts). */
  baselines?: BaselineStore;
}

/** Ingestion as the rest of the bot uses it: the poll job, the feed tools, and a way to stop. */
export interface Ingest extends FeedTools {
  /** Polls due feeds; a feed still being polled by an earlier call is skipped. */
  pollDueFeeds: PollDueFeeds;
  /** Stops the worker threads and closes idle connections. */
  close(): Promise<void>;
}

export function createIngest(deps: IngestDeps, settings: IngestSettings): Ingest {
  const limits: FetchLimits = {
    timeoutMs: settings.timeoutMs,
    maxBytes: settings.maxBytes,
    maxRedirects: settings.maxRedirects,
    allowPrivate: settings.allowPrivate,
    userAgent: settings.userAgent ?? USER_AGENT,
    ...(settings.addressPolicy ? { addressPolicy: settings.addressPolicy } : {}),
  };
  const agent = createHttpAgent(limits);
  const feedFetcher = createHttpFetcher(
    agent,
    limits,
    createHostLimiter({ global: settings.concurrency, perHost: settings.perHostConcurrency }),
  );
  const articleFetcher = createHttpFetcher(
    agent,
    limits,
    createHostLimiter({ global: settings.articleConcurrency, perHost: settings.perHostConcurrency }),
  );
  const workers = settings.workers ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const runner: TaskRunner = workers > 0 ? createWorkerPool({ size: workers, logger: deps.logger }) : inThreadRunner;
  const pollDeps: PollDeps = {
    ...deps,
    feedFetcher,
    articleFetcher,
    runner,
    pollIntervalMs: settings.pollIntervalMinutes * 60_000,
    maxBytes: settings.maxBytes,
    ...(settings.fetchArticles === false ? { articleFetchesPerPoll: 0 } : {}),
  };
  const inFlight = new Set<number>();
  let closing: Promise<void> | null = null;
  return {
    ...createFeedTools({ feedFetcher, runner, ...(deps.baselines ? { baselines: deps.baselines } : {}) }),
    pollDueFeeds: (options = {}) => pollDueFeeds(pollDeps, { ...options, inFlight, window: settings.concurrency * 4 }),
    close() {
      closing ??= Promise.all([runner.close(), agent.close()]).then(() => undefined);
      return closing;
    },
  };
}
