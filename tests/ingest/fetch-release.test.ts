import { once } from 'node:events';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/ingest/fetch-error.js';
import { createHostLimiter } from '../../src/ingest/host-limiter.js';
import { createHttpAgent, createHttpFetcher, type FetchLimits } from '../../src/ingest/http-fetch.js';
import { startServer } from './helpers/feed-server.js';

const LIMITS: FetchLimits = {
  timeoutMs: 20_000,
  maxBytes: 100_000,
  maxRedirects: 5,
  allowPrivate: true,
  userAgent: 'newsbrief-test/1',
};

describe('a response the fetcher cannot read', () => {
  it('with an unsupported Content-Encoding fails the fetch and closes its connection', async () => {
    let socket: Socket | undefined;
    const server = await startServer({
      // Headers, a first chunk, and a body that never ends: only the client can close this socket.
      '/feed': (request, response) => {
        socket = request.socket;
        response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'zstd-x' });
        response.write('<rss>');
      },
    });
    const fetcher = createHttpFetcher(createHttpAgent(LIMITS), LIMITS, createHostLimiter({ global: 2, perHost: 2 }));
    const error = await fetcher.fetch(server.url('/feed'), { accept: '*/*' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toMatch(/unsupported content encoding 'zstd-x'/);
    expect(socket).toBeDefined();
    // The server sees the connection closed long before the 20 s body timeout would close it.
    if (!socket!.destroyed) await once(socket!, 'close');
    expect(socket!.destroyed).toBe(true);
  }, 10_000);
});
