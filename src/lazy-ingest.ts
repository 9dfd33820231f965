import { isFeedDue } from './core/feed-due.js';
import type { FeedTools, PollDueFeeds } from './core/ingest-port.js';
import type { Ingest, IngestDeps, IngestSettings } from './ingest/index.js';

/** Ingestion as the app holds it: the same calls, with the OPML ones allowed to be async. */
export interface AppIngest extends FeedTools {
  pollDueFeeds: PollDueFeeds;
  /** Loads ingestion now (a long-running bot, once it answers; test harnesses), not at the first use. */
  preload(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Ingestion loaded on first use. Its modules (undici, feedsmith, linkedom, Readability: about half
 * the start-up cost) are imported by the first poll or feed command, not at start, so a console
 * answers its first command without them. Nothing due to poll loads nothing.
 */
export function lazyIngest(deps: IngestDeps, settings: IngestSettings): AppIngest {
  let loading: Promise<Ingest> | null = null;
  let closed = false;
  const get = (): Promise<Ingest> =>
    (loading ??= import('./ingest/index.js').then(({ createIngest }) => {
      const ingest = createIngest(deps, settings);
      // Closed while loading: stop what was just created (worker threads, sockets) at once.
      if (closed) void ingest.close();
      return ingest;
    }));
  return {
    checkFeed: async (url) => (await get()).checkFeed(url),
    adoptBaseline: async (feedId, baseline) => deps.baselines?.set(feedId, baseline),
    readOpml: async (url) => (await get()).readOpml(url),
    parseOpml: async (text) => (await get()).parseOpml(text),
    renderOpml: async (title, topics) => (await get()).renderOpml(title, topics),
    async pollDueFeeds(options = {}) {
      if (!loading && !options.all && !(await anyFeedDue(deps, deps.clock.now()))) {
        options.progress?.(0, 0);
        return [];
      }
      return (await get()).pollDueFeeds(options);
    },
    async preload() {
      await get();
    },
    async close() {
      closed = true;
      if (loading) await (await loading).close();
    },
  };
}

async function anyFeedDue(deps: IngestDeps, now: Date): Promise<boolean> {
  const nowIso = now.toISOString();
  return (await deps.feeds.listAll()).some((feed) => isFeedDue(feed, nowIso));
}
