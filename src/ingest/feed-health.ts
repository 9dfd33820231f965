import type { Feed } from '../core/domain.js';
import type { FetchError } from './fetch-error.js';

/** First retry after a failure; each further failure doubles it. */
export const BACKOFF_BASE_MS = 5 * 60_000;
export const BACKOFF_MAX_MS = 24 * 60 * 60_000;
/** A feed that fails this many polls in a row is disabled until a moderator adds it again. */
export const DISABLE_AFTER_FAILURES = 10;

type FeedChanges = Partial<Omit<Feed, 'id' | 'url'>>;

/**
 * When a healthy feed is polled next: the interval give or take 20%, so feeds added together
 * drift apart and polls spread over the interval instead of arriving in bursts.
 */
export function nextRegularPoll(now: Date, intervalMs: number, random: () => number = Math.random): string {
  return new Date(now.getTime() + intervalMs * (0.8 + 0.4 * random())).toISOString();
}

/** Backoff after the n-th consecutive failure: 5 min × 2^(n-1), capped at 24 h. */
export function backoffMs(consecutiveFailures: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, consecutiveFailures - 1), BACKOFF_MAX_MS);
}

/** The feed's bookkeeping after a successful poll (a 304 counts): failures forgotten. */
export function afterSuccess(now: Date, intervalMs: number, random?: () => number): FeedChanges {
  return {
    lastPolledAt: now.toISOString(),
    nextPollAt: nextRegularPoll(now, intervalMs, random),
    consecutiveFailures: 0,
    lastErrorKind: null,
    lastError: null,
    disabledReason: null,
  };
}

/** The feed's bookkeeping after a failed poll: backoff, and disabled after too many failures in a row. */
export function afterFailure(feed: Feed, error: FetchError, now: Date): FeedChanges {
  const failures = feed.consecutiveFailures + 1;
  const disabled = failures >= DISABLE_AFTER_FAILURES;
  return {
    lastPolledAt: now.toISOString(),
    consecutiveFailures: failures,
    lastErrorKind: error.kind,
    lastError: error.message,
    nextPollAt: disabled ? null : new Date(now.getTime() + backoffMs(failures)).toISOString(),
    enabled: !disabled,
    disabledReason: disabled ? `disabled after ${failures} failed polls in a row; last: ${error.message}` : null,
  };
}
