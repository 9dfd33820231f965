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
  /**
   * How long a claimed feed stays this process's before another may poll it (default 10 min):
   * longer than a poll takes, short enough that a dead process's feeds are soon polled again.
   */
  leaseMs?: number;
}

const DEFAULT_WINDOW = 64;
const DEFAULT_LEASE_MS = 10 * 60_000;

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
 *
 * Several processes may run it on one database: each feed is claimed (FeedStore.claim) just
 * before its poll, so a feed another process took, or polled meanwhile, is skipped and each due
 * feed is fetched once per interval. `all` (the operator's `ingest --once --all`) claims nothing.
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
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  let fatal: unknown = null;
  let next = 0;
  let skipped = 0;
  const lane = async (): Promise<void> => {
    while (fatal === null && next < queue.length) {
      const listed = queue[next++]!;
      try {
        const now = deps.clock.now();
        const feed = options.all ? listed : await deps.feeds.claim(listed.id, now, new Date(now.getTime() + leaseMs));
        if (feed) results.push(await pollOne(deps, feed));
        else skipped++;
        options.progress?.(results.length + skipped, queue.length);
      } catch (error) {
        fatal ??= error;
      } finally {
        inFlight.delete(listed.id);
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

/** A storage error (SQLite's SQLITE_* codes, PostgreSQL's SQLSTATE): the database is unusable, not the feed. */
export function isDatabaseError(error: unknown): boolean {
  const err = error as { code?: unknown; severity?: unknown } | null;
  if (typeof err?.code !== 'string') return false;
  // PostgreSQL's errors carry a SQLSTATE code with a severity (pg's DatabaseError).
  return err.code.startsWith('SQLITE_') || (typeof err.severity === 'string' && /^[0-9A-Z]{5}$/.test(err.code));
}
