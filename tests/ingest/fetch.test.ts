import { gzipSync, brotliCompressSync, deflateSync, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { refusedRange } from '../../src/ingest/address-guard.js';
import { FetchError } from '../../src/ingest/fetch-error.js';
import { createHostLimiter } from '../../src/ingest/host-limiter.js';
import { createHttpAgent, createHttpFetcher, type FetchLimits } from '../../src/ingest/http-fetch.js';
import { redirect, serve, startServer } from './helpers/feed-server.js';
import { rssFeed } from './helpers/feeds.js';

const LIMITS: FetchLimits = {
  timeoutMs: 5000,
  maxBytes: 100_000,
  maxRedirects: 5,
  allowPrivate: true,
  userAgent: 'newsbrief-test/1',
};

function fetcher(overrides: Partial<FetchLimits> = {}) {
  const limits = { ...LIMITS, ...overrides };
  return createHttpFetcher(createHttpAgent(limits), limits, createHostLimiter({ global: 4, perHost: 2 }));
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

const FEED = rssFeed('Test', [{ title: 'One', guid: 'one-guid-long-enough-to-be-global' }]);

describe('fetching feeds over HTTP', () => {
  it('sends a User-Agent naming the bot and asks for compressed bodies', async () => {
    const server = await startServer({ '/feed': serve(FEED) });
    const result = await fetcher().fetch(server.url('/feed'), { accept: 'application/rss+xml' });
    expect(result).toMatchObject({ status: 'ok', url: server.url('/feed') });
    expect(server.requests[0]!.headers['user-agent']).toBe('newsbrief-test/1');
    expect(server.requests[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('follows a chain of 301s and reports where the body came from', async () => {
    const server = await startServer({ '/a': redirect('/b'), '/b': redirect('/c', 308), '/c': serve(FEED) });
    const result = await fetcher().fetch(server.url('/a'), { accept: '*/*' });
    expect(result).toMatchObject({ status: 'ok', url: server.url('/c') });
    expect(server.requests.map((request) => request.path)).toEqual(['/a', '/b', '/c']);
  });

  it('stops a redirect loop and names it', async () => {
    const server = await startServer({ '/a': redirect('/b'), '/b': redirect('/a') });
    const error = await failure(fetcher().fetch(server.url('/a'), { accept: '*/*' }));
    expect(error.kind).toBe('too-many-redirects');
    expect(error.message).toMatch(/redirect loop/);
    expect(server.requests.length).toBe(2);
  });

  it('gives up after the configured number of redirects', async () => {
    const routes = Object.fromEntries(
      Array.from({ length: 8 }, (_, index) => [`/r${index}`, redirect(`/r${index + 1}`)]),
    );
    const server = await startServer(routes);
    const error = await failure(fetcher({ maxRedirects: 3 }).fetch(server.url('/r0'), { accept: '*/*' }));
    expect(error).toMatchObject({ kind: 'too-many-redirects', message: 'more than 3 redirects' });
    expect(server.requests.length).toBe(4);
  });

  it('turns an HTTP error status into a failure with the status', async () => {
    const server = await startServer({
      '/gone': (_request, response) => void response.writeHead(410, 'Gone').end('gone'),
    });
    const error = await failure(fetcher().fetch(server.url('/gone'), { accept: '*/*' }));
    expect(error).toMatchObject({ kind: 'http-status', message: 'HTTP 410 Gone' });
  });

  it('times out a server that never answers', async () => {
    const server = await startServer({ '/silent': () => undefined });
    const error = await failure(fetcher({ timeoutMs: 1000 }).fetch(server.url('/silent'), { accept: '*/*' }));
    expect(error).toMatchObject({ kind: 'timeout', message: 'timed out after 1 s' });
  });

  it('times out a body that drips in a byte at a time, however long it keeps going', async () => {
    const server = await startServer({
      '/drip': (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.write('<');
        const timer = setInterval(() => response.write(' '), 50);
        response.on('close', () => clearInterval(timer));
      },
    });
    const error = await failure(fetcher({ timeoutMs: 1000 }).fetch(server.url('/drip'), { accept: '*/*' }));
    expect(error.kind).toBe('timeout');
  });

  it('refuses a body whose declared length is over the cap, and one that only grows past it while streaming', async () => {
    const big = 'x'.repeat(150_000);
    const server = await startServer({
      '/declared': serve(big, 'application/rss+xml', { 'content-length': String(big.length) }),
      '/chunked': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/xml' });
        for (let index = 0; index < 15; index++) response.write('y'.repeat(10_000));
        response.end();
      },
    });
    const declared = await failure(fetcher().fetch(server.url('/declared'), { accept: '*/*' }));
    expect(declared).toMatchObject({ kind: 'too-large', message: 'too large: 150 kB (the limit is 100 kB)' });
    const chunked = await failure(fetcher().fetch(server.url('/chunked'), { accept: '*/*' }));
    expect(chunked).toMatchObject({ kind: 'too-large', message: 'too large: more than 100 kB' });
  });

  it('counts the cap after decompression, so a small gzip bomb is refused', async () => {
    const bomb = gzipSync(Buffer.alloc(20_000_000, 0x20));
    expect(bomb.length).toBeLessThan(100_000);
    const server = await startServer({ '/bomb': serve(bomb, 'application/rss+xml', { 'content-encoding': 'gzip' }) });
    const error = await failure(fetcher().fetch(server.url('/bomb'), { accept: '*/*' }));
    expect(error.kind).toBe('too-large');
  });

  it('decompresses gzip, deflate (zlib or raw) and br bodies', async () => {
    const server = await startServer({
      '/gzip': serve(gzipSync(FEED), 'application/rss+xml', { 'content-encoding': 'gzip' }),
      '/deflate': serve(deflateSync(FEED), 'application/rss+xml', { 'content-encoding': 'deflate' }),
      '/raw-deflate': serve(deflateRawSync(FEED), 'application/rss+xml', { 'content-encoding': 'deflate' }),
      '/br': serve(brotliCompressSync(FEED), 'application/rss+xml', { 'content-encoding': 'br' }),
    });
    for (const path of ['/gzip', '/deflate', '/raw-deflate', '/br']) {
      const result = await fetcher().fetch(server.url(path), { accept: '*/*' });
      expect(result.status === 'ok' && result.body.toString('utf8'), path).toBe(FEED);
    }
  });

  it('sends ETag and Last-Modified back and reports a 304 as not modified', async () => {
    const server = await startServer({
      '/feed': (request, response) => {
        if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end();
        response.writeHead(200, { etag: '"v1"', 'last-modified': 'Wed, 18 Nov 2026 08:00:00 GMT' }).end(FEED);
      },
    });
    const first = await fetcher().fetch(server.url('/feed'), { accept: '*/*' });
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"', lastModified: 'Wed, 18 Nov 2026 08:00:00 GMT' });
    const second = await fetcher().fetch(server.url('/feed'), {
      accept: '*/*',
      etag: '"v1"',
      lastModified: 'Wed, 18 Nov 2026 08:00:00 GMT',
    });
    expect(second).toEqual({ status: 'not-modified', url: server.url('/feed') });
    expect(server.requests[1]!.headers['if-modified-since']).toBe('Wed, 18 Nov 2026 08:00:00 GMT');
  });
});

describe('the address guard', () => {
  it('refuses loopback, private, link-local, multicast and unspecified addresses, and allows public ones', () => {
    expect(refusedRange('127.0.0.1')).toBe('loopback');
    expect(refusedRange('::1')).toBe('loopback');
    expect(refusedRange('::ffff:127.0.0.1')).toBe('loopback');
    expect(refusedRange('10.1.2.3')).toBe('private');
    expect(refusedRange('192.168.0.10')).toBe('private');
    expect(refusedRange('172.16.5.4')).toBe('private');
    expect(refusedRange('169.254.169.254')).toBe('linkLocal');
    expect(refusedRange('fe80::1')).toBe('linkLocal');
    expect(refusedRange('fd00::1')).toBe('uniqueLocal');
    expect(refusedRange('224.0.0.1')).toBe('multicast');
    expect(refusedRange('0.0.0.0')).toBe('unspecified');
    expect(refusedRange('100.64.0.1')).toBe('carrierGradeNat');
    expect(refusedRange('93.184.216.34')).toBeNull();
    expect(refusedRange('2606:4700::1111')).toBeNull();
  });

  it('refuses a feed on 127.0.0.1 with the guard on, before any request is made', async () => {
    const server = await startServer({ '/feed': serve(FEED) });
    const error = await failure(fetcher({ allowPrivate: false }).fetch(server.url('/feed'), { accept: '*/*' }));
    expect(error).toMatchObject({ kind: 'refused-address', message: 'refused address: 127.0.0.1 (loopback)' });
    expect(server.requests).toEqual([]);
  });

  it('checks names after DNS resolution: localhost is refused too', async () => {
    const server = await startServer({ '/feed': serve(FEED) });
    const port = new URL(server.origin).port;
    const error = await failure(
      fetcher({ allowPrivate: false }).fetch(`http://localhost:${port}/feed`, { accept: '*/*' }),
    );
    expect(error.kind).toBe('refused-address');
    expect(error.message).toMatch(/^refused address: localhost resolves to (127\.0\.0\.1|::1) \(loopback\)$/);
    expect(server.requests).toEqual([]);
  });

  it('checks every redirect: a public feed that redirects to a private address is refused', async () => {
    // The test server stands in for a public site: this policy treats 127.0.0.1 (only) as public.
    const policy = (address: string) => (address === '127.0.0.1' ? null : refusedRange(address));
    const server = await startServer({
      '/metadata': redirect('http://169.254.169.254/latest/meta-data/'),
      '/internal': redirect('http://10.0.0.7/admin', 302),
      '/fine': serve(FEED),
    });
    const guarded = fetcher({ allowPrivate: false, addressPolicy: policy });
    expect(await guarded.fetch(server.url('/fine'), { accept: '*/*' })).toMatchObject({ status: 'ok' });
    expect(await failure(guarded.fetch(server.url('/metadata'), { accept: '*/*' }))).toMatchObject({
      kind: 'refused-address',
      message: 'refused address: 169.254.169.254 (link-local)',
    });
    expect(await failure(guarded.fetch(server.url('/internal'), { accept: '*/*' }))).toMatchObject({
      kind: 'refused-address',
      message: 'refused address: 10.0.0.7 (private)',
    });
  });

  it('refuses schemes other than http and https, even with the guard lifted', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/feed', 'gopher://example.org/']) {
      const error = await failure(fetcher().fetch(url, { accept: '*/*' }));
      expect(error.kind, url).toBe('refused-address');
    }
  });
});
