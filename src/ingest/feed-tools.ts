import { UserError } from '../core/errors.js';
import type { FeedCheck, FeedTools } from '../core/ingest-port.js';
import { looksLikeHtml } from './html-sniff.js';
import { baselineId, type BaselineStore } from './feed-baseline.js';
import { capNullable, FIELD_CAPS } from './field-caps.js';
import { FetchError, toFetchError } from './fetch-error.js';
import type { Fetcher } from './http-fetch.js';
import { FEED_ACCEPT } from './poll-feed.js';
import type { TaskRunner } from './worker-pool.js';

/** Feed links of a page tried at most, in page order. */
const DISCOVERY_TRIES = 3;
/**
 * OPML reading and writing (feedsmith) and charset detection (chardet) are loaded when first
 * used: a poll never needs them on the main thread (feeds are parsed in the worker threads).
 */
const opml = () => import('./opml.js');

const OPML_ACCEPT = 'text/x-opml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/**
 * The FeedTools port over the real fetcher and parser: what /feed add, /import and /export use.
 * The URL a moderator gives goes through the same limits and address guard as every poll.
 */
export function createFeedTools(deps: {
  feedFetcher: Fetcher;
  runner: TaskRunner;
  baselines?: BaselineStore;
}): FeedTools {
  const { feedFetcher, runner, baselines } = deps;

  /** Fetches and parses `url` as a feed; on failure also returns the body for discovery. */
  const tryFeed = async (url: string) => {
    const fetched = await feedFetcher.fetch(url, { accept: FEED_ACCEPT });
    if (fetched.status !== 'ok') throw new FetchError('http-status', 'the server answered 304 to a plain request');
    try {
      const parsed = await runner.run('parse-feed', {
        bytes: fetched.body,
        contentType: fetched.contentType,
        baseUrl: fetched.url,
      });
      return { parsed, fetched };
    } catch (error) {
      const failure =
        error instanceof FetchError ? error : new FetchError('not-a-feed', `not a feed: ${(error as Error).message}`);
      throw Object.assign(failure, { page: fetched });
    }
  };

  const checkFeed = async (url: string): Promise<FeedCheck> => {
    if (!/^https?:\/\//i.test(url.trim())) {
      return { ok: false, errorKind: 'refused-address', reason: 'a feed must be an http(s) URL' };
    }
    try {
      const { parsed, fetched } = await tryFeed(url.trim());
      return {
        ok: true,
        feedUrl: fetched.url,
        title: capNullable(parsed.title, FIELD_CAPS.feedTitle),
        itemCount: parsed.items.length,
        discoveredFrom: null,
        baseline: parsed.items.map(baselineId),
      };
    } catch (error) {
      const page = (error as { page?: { url: string; body: Buffer; contentType: string | null } }).page;
      if (!page || !looksLikeHtml(page.contentType, page.body.subarray(0, 1024).toString('latin1'))) {
        return failed(error);
      }
      const links = await runner.run('discover', {
        bytes: page.body,
        contentType: page.contentType,
        baseUrl: page.url,
      });
      if (links.length === 0) {
        return {
          ok: false,
          errorKind: 'not-a-feed',
          reason: 'that page is not a feed and announces none (no <link rel="alternate">)',
        };
      }
      let lastFailure: FeedCheck = failed(error);
      for (const link of links.slice(0, DISCOVERY_TRIES)) {
        try {
          const { parsed, fetched } = await tryFeed(link);
          return {
            ok: true,
            feedUrl: fetched.url,
            title: capNullable(parsed.title, FIELD_CAPS.feedTitle),
            itemCount: parsed.items.length,
            discoveredFrom: page.url,
            baseline: parsed.items.map(baselineId),
          };
        } catch (linkError) {
          lastFailure = failed(linkError, `the page announces ${link}, but `);
        }
      }
      return lastFailure;
    }
  };

  return {
    checkFeed,
    adoptBaseline: async (feedId, baseline) => baselines?.set(feedId, baseline),
    async readOpml(url) {
      if (!/^https?:\/\//i.test(url.trim()))
        throw new UserError('An OPML file must be attached, or given as an http(s) URL.');
      let text: string;
      try {
        const fetched = await feedFetcher.fetch(url.trim(), { accept: OPML_ACCEPT });
        if (fetched.status !== 'ok') throw new FetchError('http-status', 'unexpected 304');
        const { decodeText } = await import('./decode-text.js');
        text = decodeText(fetched.body, fetched.contentType);
      } catch (error) {
        throw new UserError(`Could not fetch the OPML file: ${toFetchError(error).message}`);
      }
      return (await opml()).parseOpmlFeeds(text);
    },
    parseOpml: async (text) => (await opml()).parseOpmlFeeds(text),
    renderOpml: async (title, topics) => (await opml()).renderOpmlDocument(title, topics),
  };
}

function failed(error: unknown, prefix = ''): FeedCheck {
  const failure = error instanceof FetchError ? error : toFetchError(error);
  return { ok: false, errorKind: failure.kind, reason: `${prefix}${failure.message}` };
}
