import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics, type OutboxCounts } from '../../src/metrics/metrics.js';
import { startMetricsServer, type MetricsServer } from '../../src/metrics/server.js';

describe('the metrics server', () => {
  let server: MetricsServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const get = (path: string): Promise<Response> => fetch(`http://127.0.0.1:${server!.port}${path}`);

  it('answers /healthz with ok, uptime and role', async () => {
    server = await startMetricsServer({ port: 0, role: 'worker', metrics: createMetrics({ processMetrics: false }) });
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ ok: true, uptime: expect.any(Number), role: 'worker' });
    expect((await get('/nothing')).status).toBe(404);
  });

  it('serves what the process counted, the outbox as the store says at each scrape, and send latency', async () => {
    let counts: OutboxCounts = { pending: 3, sent: 10, failed: 1 };
    const metrics = createMetrics({ outboxCounts: async () => counts });
    server = await startMetricsServer({ port: 0, role: 'all', metrics });
    metrics.feedsPolled.inc(5);
    metrics.feedsFailed.inc();
    metrics.storiesStored.inc(12);
    metrics.rateLimited.inc({ platform: 'telegram' });
    metrics.sendSeconds.observe({ platform: 'discord' }, 0.2);
    metrics.sendSeconds.observe({ platform: 'discord' }, 3);

    const response = await get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const line of [
      'newsbrief_feeds_polled_total 5',
      'newsbrief_feeds_failed_total 1',
      'newsbrief_stories_stored_total 12',
      'newsbrief_rate_limited_total{platform="telegram"} 1',
      'newsbrief_outbox_messages{status="pending"} 3',
      'newsbrief_outbox_messages{status="sent"} 10',
      'newsbrief_outbox_messages{status="failed"} 1',
      'newsbrief_send_seconds_bucket{le="0.25",platform="discord"} 1',
      'newsbrief_send_seconds_bucket{le="5",platform="discord"} 2',
      'newsbrief_send_seconds_count{platform="discord"} 2',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(text).toMatch(/^newsbrief_process_cpu_seconds_total /m);

    counts = { pending: 0, sent: 13, failed: 1 };
    expect((await (await get('/metrics')).text()).split('\n')).toContain(
      'newsbrief_outbox_messages{status="pending"} 0',
    );
  });

  it('still answers when the store cannot be read (the outbox gauges keep their values), and stops listening on close', async () => {
    let fail = false;
    const metrics = createMetrics({
      processMetrics: false,
      outboxCounts: () => {
        if (fail) throw new Error('database is locked');
        return { pending: 4, sent: 0, failed: 0 };
      },
    });
    server = await startMetricsServer({ port: 0, role: 'all', metrics });
    await get('/metrics');
    fail = true;
    metrics.feedsPolled.inc();
    const response = await get('/metrics');
    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\n');
    expect(lines).toContain('newsbrief_outbox_messages{status="pending"} 4');
    // Counted as it happens; a scrape shows the misses before it.
    const misses = (await (await get('/metrics')).text()).match(/^newsbrief_metrics_store_errors_total (\d+)$/m);
    expect(Number(misses?.[1])).toBeGreaterThanOrEqual(1);
    expect(lines).toContain('newsbrief_feeds_polled_total 1');
    const { port } = server;
    await server.close();
    server = undefined;
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
