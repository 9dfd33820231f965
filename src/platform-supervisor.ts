import type { Logger } from './core/ports.js';
import type { StartFailure } from './core/start-failure.js';

/**
 * Starts one chat platform with bounded retries, so a dead network or a refused token gets a log
 * line per attempt and a clear last word instead of a silent hang, and one platform's failure
 * never holds up another. Stopping (SIGINT/SIGTERM) aborts an attempt or a wait at any moment.
 */

export interface PlatformStarter<T> {
  /** "telegram", "discord": the log's platform field. */
  platform: string;
  /** Where it connects (the API root), named on every attempt's log line. */
  url: string;
  /** The .env key that holds its token, named when the token is refused. */
  tokenKey: string;
  /** One attempt; must give up promptly once `signal` is aborted. */
  start(signal: AbortSignal): Promise<T>;
  /** Stops what a late-finishing attempt started after all (the bot was stopping meanwhile). */
  stop(started: T): Promise<void>;
  describeFailure(error: unknown): StartFailure;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait after the first failure; it doubles after each next one, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/** About nine minutes of trying: long enough for a network blip or a restart of a local Bot API server. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 10, firstDelayMs: 2000, maxDelayMs: 120_000 };

/** The delay before attempt `attempt + 1` (attempts count from 1). */
export const retryDelayMs = (policy: RetryPolicy, attempt: number): number =>
  Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));

/**
 * Tries `starter` until it starts, the attempts run out, or `signal` is aborted. Resolves to what
 * it started, or null when it gave up or was stopped; never rejects.
 */
export async function startWithRetry<T>(
  starter: PlatformStarter<T>,
  options: { logger: Logger; signal: AbortSignal; retry?: RetryPolicy },
): Promise<T | null> {
  const policy = options.retry ?? DEFAULT_RETRY;
  const { platform, url, tokenKey } = starter;
  const log = options.logger.child({ platform });
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (options.signal.aborted) return null;
    log.info(
      { url, attempt, of: policy.attempts },
      `${platform}: connecting to ${url} (attempt ${attempt} of ${policy.attempts})`,
    );
    try {
      const started = await abortable(starter.start(options.signal), options.signal, (late) => starter.stop(late));
      if (started === ABORTED) return null;
      return started;
    } catch (error) {
      if (options.signal.aborted) return null;
      const failure = starter.describeFailure(error);
      const what = failure.tokenRefused
        ? `${platform} refused ${tokenKey} (${failure.reason}): check ${tokenKey} in .env`
        : `${platform}: cannot start through ${url} (${failure.reason})`;
      if (attempt === policy.attempts) {
        log.error(
          { url, attempt, of: policy.attempts, reason: failure.reason },
          `${what}; gave up after ${attempt} attempts, the other platforms keep running — restart newsbrief once fixed`,
        );
        return null;
      }
      const delay = retryDelayMs(policy, attempt);
      log.warn(
        { url, attempt, of: policy.attempts, retryInMs: delay, reason: failure.reason },
        `${what}; retrying in ${formatDelay(delay)} (attempt ${attempt} of ${policy.attempts})`,
      );
      if (!(await wait(delay, options.signal))) return null;
    }
  }
  return null;
}

const ABORTED = Symbol('aborted');

/**
 * `work`, or ABORTED as soon as `signal` is aborted. An attempt that succeeds after the abort is
 * stopped at once, so nothing started keeps the process alive.
 */
function abortable<T>(work: Promise<T>, signal: AbortSignal, stopLate: (started: T) => Promise<void>) {
  return new Promise<T | typeof ABORTED>((resolve, reject) => {
    const onAbort = (): void => {
      work.then((late) => stopLate(late)).catch(() => undefined);
      resolve(ABORTED);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Waits `ms`; false when `signal` was aborted first. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const formatDelay = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
