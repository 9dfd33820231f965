import type { Feed } from '../core/domain.js';
import { isFeedDue } from '../core/feed-due.js';
import type { FeedPollResult } from '../core/ingest-port.js';
import { backoffMs } from './feed-health.js';
import { pollFeed, type PollDeps } from './poll-feed.js';

export interface PollDueOptions {
  /** Every enabled feed, whatever its schedule. */
  all?: boolean;
  /** Feeds being polled right now (by an earlier call still running): skipped, never polled twice at once. */
  inFlight?: Set<number>;
  /** Feeds polled at once; the fetch limits apply within. Keeps memory flat however many feeds are due. */
  window?: number;
  /** Called with (0, due) before the first poll and after each feed's poll. */
  progress?: (done: number, total: number) => void;
}

const DEFAULT_WINDOW = 64;

/** Enabled feeds whose next poll time has come (or that were never scheduled). */
export function dueFeeds(feeds: readonly Feed[], now: Date, all = false): Feed[] {
  const nowIso = now.toISOString();
  return feeds.filter((feed) => (all ? feed.enabled : isFeedDue(feed, nowIso)));
}

/**
 * Orders feeds host by host in turn (a, b, c, a, b, c…), so the poll window is not filled with
 * feeds of one host waiting for that host's few connections.
 */
export function interleaveByHost(feeds: readonly Feed[]): Feed[] {
  const byHost = new Map<string, Feed[]>();
  for (const feed of feeds) {
    const host = hostKey(feed.url);
    const list = byHost.get(host);
    if (list) list.push(feed);
    else byHost.set(host, [feed]);
  }
  const queues = [...byHost.values()];
  const ordered: Feed[] = [];
  for (let round = 0; ordered.length < feeds.length; round++) {
    for (const queue of queues) if (round < queue.length) ordered.push(queue[round]!);
  }
  return ordered;
}

/** Host and port, as the fetch limiter counts them; a file path is its own "host". */
function hostKey(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The poll job: polls every due feed once, a window of them at a time within the fetch limits,
 * and returns one result per feed. One bad feed never stops the others; a database error stops
 * the job (after the polls under way finish) and is thrown.
 */
export async function pollDueFeeds(deps: PollDeps, options: PollDueOptions = {}): Promise<FeedPollResult[]> {
  const inFlight = options.inFlight ?? new Set<number>();
  const due = dueFeeds(await deps.feeds.listAll(), deps.clock.now(), options.all).filter(
    (feed) => !inFlight.has(feed.id),
  );
  const queue = interleaveByHost(due);
  for (const feed of queue) inFlight.add(feed.id);
  const results: FeedPollResult[] = [];
  options.progress?.(0, queue.length);
  let fatal: unknown = null;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (fatal === null && next < queue.length) {
      const feed = queue[next++]!;
      try {
        results.push(await pollOne(deps, feed));
        options.progress?.(results.length, queue.length);
      } catch (error) {
        fatal ??= error;
      } finally {
        inFlight.delete(feed.id);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.window ?? DEFAULT_WINDOW, queue.length) }, lane));
  for (const feed of queue.slice(next)) inFlight.delete(feed.id);
  if (fatal !== null) throw fatal;
  return results.sort((a, b) => a.feedId - b.feedId);
}

/** Polls one feed; only database errors escape. A crash while storing is logged and retried later. */
async function pollOne(deps: PollDeps, feed: Feed): Promise<FeedPollResult> {
  try {
    return await pollFeed(deps, feed);
  } catch (error) {
    if (isDatabaseError(error)) throw error;
    deps.logger.error({ err: error, feed: feed.url }, 'feed poll crashed');
    const retryAt = new Date(deps.clock.now().getTime() + backoffMs(1)).toISOString();
    try {
      await deps.feeds.update(feed.id, { nextPollAt: retryAt });
    } catch (updateError) {
      if (isDatabaseError(updateError)) throw updateError; // else the feed was removed meanwhile
    }
    return {
      feedId: feed.id,
      url: feed.url,
      title: feed.title,
      outcome: 'failed',
      errorKind: 'network',
      error: `internal error: ${(error as Error)?.message ?? String(error)}`,
      disabled: false,
      nextPollAt: retryAt,
    };
  }
}

/** better-sqlite3 errors carry SQLITE_* codes: the database is unusable, not the feed. */
export function isDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}
