import { describe, expect, it } from 'vitest';
import { createHostLimiter, type HostLimiter } from '../../src/ingest/host-limiter.js';
import { createHttpAgent, createHttpFetcher, type FetchLimits } from '../../src/ingest/http-fetch.js';
import { redirect, serve, startServer } from './helpers/feed-server.js';
import { rssFeed } from './helpers/feeds.js';

const LIMITS: FetchLimits = {
  timeoutMs: 10_000,
  maxBytes: 100_000,
  maxRedirects: 5,
  allowPrivate: true,
  userAgent: 'newsbrief-test/1',
};

/** The real limiter, recording which host each request took a slot of and how many ran at once per host. */
function recordingLimiter(perHost: number) {
  const inner = createHostLimiter({ global: 16, perHost });
  const hosts: string[] = [];
  const running = new Map<string, number>();
  const peak = new Map<string, number>();
  const limiter: HostLimiter = {
    run: (host, work) =>
      inner.run(host, async () => {
        hosts.push(host);
        running.set(host, (running.get(host) ?? 0) + 1);
        peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host)!));
        try {
          return await work();
        } finally {
          running.set(host, running.get(host)! - 1);
        }
      }),
  };
  return { limiter, hosts, peak };
}

describe('the per-host limit across redirects', () => {
  it('counts every hop against the host it asks, not only the first URL’s host', async () => {
    const target = await startServer({ '/feed.xml': serve(rssFeed('Target', [])) });
    const targetHost = new URL(target.origin).host;
    // Four feeds on four hosts, all redirecting to one host.
    const origins = await Promise.all(
      [1, 2, 3, 4].map(() => startServer({ '/feed': redirect(target.url('/feed.xml')) })),
    );
    const { limiter, hosts, peak } = recordingLimiter(1);
    const fetcher = createHttpFetcher(createHttpAgent(LIMITS), LIMITS, limiter);
    const results = await Promise.all(origins.map((origin) => fetcher.fetch(origin.url('/feed'), { accept: '*/*' })));

    expect(results.map((result) => result.url)).toEqual(origins.map(() => target.url('/feed.xml')));
    expect(hosts.filter((host) => host === targetHost)).toHaveLength(4);
    for (const origin of origins) expect(hosts).toContain(new URL(origin.origin).host);
    // The target host never had more than its one slot, though four chains reached it at once.
    expect(peak.get(targetHost)).toBe(1);
    expect(target.hits('/feed.xml')).toBe(4);
  });
});
