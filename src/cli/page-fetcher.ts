import type { Config } from '../config.js';
import { UserError } from '../core/errors.js';
import { decodeText } from '../ingest/decode-text.js';
import { findFetchError } from '../ingest/fetch-error.js';
import { createHostLimiter } from '../ingest/host-limiter.js';
import { createHttpAgent, createHttpFetcher } from '../ingest/http-fetch.js';
import { USER_AGENT } from '../ingest/index.js';

/**
 * One article page, fetched with the same guards as ingestion (timeout, size cap, redirects,
 * address guard after DNS and on every redirect). Failures become a UserError with the reason.
 */
export function createPageFetcher(config: Config) {
  const limits = {
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
    allowPrivate: config.ALLOW_PRIVATE_FEEDS,
    userAgent: USER_AGENT,
  };
  const agent = createHttpAgent(limits);
  const fetcher = createHttpFetcher(agent, limits, createHostLimiter({ global: 1, perHost: 1 }));
  return {
    async fetchPage(url: string): Promise<{ body: string; contentType: string | null }> {
      try {
        const result = await fetcher.fetch(url, {
          accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        });
        if (result.status !== 'ok') throw new UserError(`${url} answered 304 Not Modified to a plain request.`);
        return { body: decodeText(result.body, result.contentType), contentType: result.contentType };
      } catch (error) {
        if (error instanceof UserError) throw error;
        const fetchError = findFetchError(error);
        throw new UserError(`Cannot fetch ${url}: ${fetchError ? fetchError.message : (error as Error).message}`);
      }
    },
    close: () => agent.close(),
  };
}
