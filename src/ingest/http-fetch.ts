import { Agent, request, type Dispatcher } from 'undici';
import { assertFetchableUrl, guardedLookup, refusedRange, type AddressPolicy } from './address-guard.js';
import { formatBytes, readBody } from './body-reader.js';
import { FetchError, toFetchError } from './fetch-error.js';
import type { HostLimiter } from './host-limiter.js';

/** Limits every fetch obeys. */
export interface FetchLimits {
  /** Whole request, redirects and body included. */
  timeoutMs: number;
  /** Decompressed body size, counted while streaming. */
  maxBytes: number;
  maxRedirects: number;
  /** Lifts the address guard (ALLOW_PRIVATE_FEEDS): local feeds and tests. */
  allowPrivate: boolean;
  /** Which addresses the guard refuses; tests narrow it to pretend 127.0.0.1 is a public server. */
  addressPolicy?: AddressPolicy;
  userAgent: string;
}

export interface FetchRequest {
  /** Accept header: feeds and pages ask for different things. */
  accept: string;
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchResult =
  | {
      status: 'ok';
      /** Where the body came from, after redirects. */
      url: string;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: 'not-modified'; url: string };

/** Fetches a URL with the limits and the address guard; failures are FetchErrors. */
export interface Fetcher {
  fetch(url: string, request: FetchRequest): Promise<FetchResult>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The connection pool every fetch shares; its lookup refuses private addresses unless allowed. */
export function createHttpAgent(limits: FetchLimits): Agent {
  return new Agent({
    connect: {
      timeout: Math.min(limits.timeoutMs, 10_000),
      ...(limits.allowPrivate ? {} : { lookup: guardedLookup(limits.addressPolicy ?? refusedRange) }),
    },
    headersTimeout: limits.timeoutMs,
    bodyTimeout: limits.timeoutMs,
    keepAliveTimeout: 10_000,
    connections: 8,
  });
}

/**
 * A Fetcher over `agent`, with its own concurrency limiter (feeds and article pages have one each).
 * Every hop of a redirect chain takes a slot of its own host: a feed on host A redirecting to host
 * B counts against B's limit while B is asked, not A's.
 */
export function createHttpFetcher(agent: Dispatcher, limits: FetchLimits, limiter: HostLimiter): Fetcher {
  return {
    fetch(url, fetchRequest) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return Promise.reject(new FetchError('not-a-feed', `not a URL: ${url}`));
      }
      return fetchFollowing(agent, parsed, fetchRequest, limits, limiter);
    },
  };
}

type Hop = { next: URL } | { result: FetchResult };

async function fetchFollowing(
  agent: Dispatcher,
  start: URL,
  fetchRequest: FetchRequest,
  limits: FetchLimits,
  limiter: HostLimiter,
): Promise<FetchResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const headers: Record<string, string> = {
    'user-agent': limits.userAgent,
    accept: fetchRequest.accept,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (fetchRequest.etag) headers['if-none-match'] = fetchRequest.etag;
  if (fetchRequest.lastModified) headers['if-modified-since'] = fetchRequest.lastModified;
  const seen = new Set<string>();
  let url = start;
  try {
    for (let hops = 0; ; hops++) {
      // Every hop is checked again: a public feed may redirect to a private address.
      assertFetchableUrl(url, limits.allowPrivate ? null : (limits.addressPolicy ?? refusedRange));
      seen.add(url.href);
      const hop = await limiter.run(url.host, () => {
        // The time limit covers the whole request from its first slot: redirects and body included.
        timer ??= setTimeout(() => controller.abort(), limits.timeoutMs);
        return fetchHop(agent, url, headers, controller.signal, limits);
      });
      if ('result' in hop) return hop.result;
      if (seen.has(hop.next.href)) {
        throw new FetchError('too-many-redirects', `redirect loop: ${hop.next.href} came back`);
      }
      if (hops + 1 > limits.maxRedirects) {
        throw new FetchError('too-many-redirects', `more than ${limits.maxRedirects} redirects`);
      }
      url = hop.next;
    }
  } catch (error) {
    if (controller.signal.aborted) {
      throw new FetchError('timeout', `timed out after ${Math.round(limits.timeoutMs / 100) / 10} s`);
    }
    if (error instanceof FetchError && error.kind === 'too-large') throw error;
    throw toFetchError(error);
  } finally {
    clearTimeout(timer);
  }
}

/** One request: a redirect's next URL, or the final result. The body is read or released before it returns. */
async function fetchHop(
  agent: Dispatcher,
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
  limits: FetchLimits,
): Promise<Hop> {
  const response = await request(url, { method: 'GET', headers, signal, dispatcher: agent });
  try {
    const { statusCode } = response;
    if (REDIRECTS.has(statusCode)) {
      await discard(response.body);
      const location = header(response.headers, 'location');
      if (!location) throw new FetchError('http-status', `HTTP ${statusCode} redirect without a Location`);
      return { next: new URL(location, url) };
    }
    if (statusCode === 304) {
      await discard(response.body);
      return { result: { status: 'not-modified', url: url.href } };
    }
    if (statusCode < 200 || statusCode > 299) {
      await discard(response.body);
      throw new FetchError('http-status', `HTTP ${statusCode}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const declared = Number(header(response.headers, 'content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      throw new FetchError(
        'too-large',
        `too large: ${formatBytes(declared)} (the limit is ${formatBytes(limits.maxBytes)})`,
      );
    }
    const body = await readBody(response.body, header(response.headers, 'content-encoding'), limits.maxBytes);
    return {
      result: {
        status: 'ok',
        url: url.href,
        body,
        contentType: header(response.headers, 'content-type') ?? null,
        etag: header(response.headers, 'etag') ?? null,
        lastModified: header(response.headers, 'last-modified') ?? null,
      },
    };
  } catch (error) {
    // Whatever went wrong, the socket of an unread body is released, never left open.
    response.body.destroy();
    throw error;
  }
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Drains a small body so the connection can be reused; a big one is cut off instead. */
async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    body.destroy();
  }
}
