import type { PollDueFeeds } from '../core/ingest-port.js';
import type { Logger, Messenger } from '../core/ports.js';
import type { Metrics } from './metrics.js';

/**
 * Counting at the seams the composition root already holds, so ingestion and delivery stay free of
 * metrics: every poll's results, every send's answer and time. Only types come from prom-client's
 * side: a process without METRICS_PORT loads none of it.
 */

/** pollDueFeeds that counts feeds polled and failed and stories stored, and logs one line per poll that did something. */
export function measurePolls(poll: PollDueFeeds, metrics: Metrics, logger: Logger): PollDueFeeds {
  return async (options) => {
    const results = await poll(options);
    if (results.length === 0) return results;
    let failed = 0;
    let newStories = 0;
    for (const result of results) {
      if (result.outcome === 'failed') failed++;
      else if (result.outcome === 'updated') newStories += result.newStories;
    }
    metrics.feedsPolled.inc(results.length);
    if (failed > 0) metrics.feedsFailed.inc(failed);
    if (newStories > 0) metrics.storiesStored.inc(newStories);
    logger.info({ polled: results.length, failed, newStories }, 'feeds polled');
    return results;
  };
}

/** The messenger, with each send timed (by platform) and each 429 counted. */
export function measureSends(messenger: Messenger, metrics: Metrics): Messenger {
  const platform = messenger.platform;
  return {
    platform,
    renderDigest: (digest) => messenger.renderDigest(digest),
    async send(chatId, message) {
      const stopTimer = metrics.sendSeconds.startTimer({ platform });
      try {
        const result = await messenger.send(chatId, message);
        if (!result.ok && result.kind === 'rate-limited') metrics.rateLimited.inc({ platform });
        return result;
      } finally {
        stopTimer();
      }
    },
    ...(messenger.notifyPaused ? { notifyPaused: messenger.notifyPaused.bind(messenger) } : {}),
  };
}
