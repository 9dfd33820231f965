import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** How many outbox messages are in each state, read from the store at each scrape. */
export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
  /** Held by a paused chat; absent from stores that do not hold messages. */
  held?: number;
}

export interface MetricsOptions {
  /** Read at every scrape of /metrics; a failure leaves the gauges at their last values. */
  outboxCounts?: () => OutboxCounts | Promise<OutboxCounts>;
  /** Node's own process metrics (CPU, memory, event loop delay); default true. */
  processMetrics?: boolean;
}

/** What a process counts, for Prometheus (`newsbrief_` names). Each process has its own registry. */
export interface Metrics {
  registry: Registry;
  feedsPolled: Counter;
  feedsFailed: Counter;
  storiesStored: Counter;
  /** 429 answers, by platform. */
  rateLimited: Counter<'platform'>;
  /** Seconds from a send's start to the platform's answer, by platform. */
  sendSeconds: Histogram<'platform'>;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'newsbrief_' });
  const registers = [registry];
  const outboxCounts = options.outboxCounts;
  const storeReadErrors = new Counter({
    name: 'newsbrief_metrics_store_errors_total',
    help: 'Scrapes that could not read the outbox counts from the store',
    registers,
  });
  new Gauge({
    name: 'newsbrief_outbox_messages',
    help: 'Outbox messages by status (pending, sent, held, failed), as the store holds them',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      if (!outboxCounts) return;
      // One unreadable store must not hide every other metric: keep the last values, count the miss.
      const counts = await Promise.resolve()
        .then(outboxCounts)
        .catch(() => {
          storeReadErrors.inc();
          return null;
        });
      if (!counts) return;
      for (const status of ['pending', 'sent', 'held', 'failed'] as const) {
        const count = counts[status];
        if (count !== undefined) this.set({ status }, count);
      }
    },
  });
  return {
    registry,
    feedsPolled: new Counter({ name: 'newsbrief_feeds_polled_total', help: 'Feed polls done', registers }),
    feedsFailed: new Counter({ name: 'newsbrief_feeds_failed_total', help: 'Feed polls that failed', registers }),
    storiesStored: new Counter({ name: 'newsbrief_stories_stored_total', help: 'New stories stored', registers }),
    rateLimited: new Counter({
      name: 'newsbrief_rate_limited_total',
      help: '429 (rate limited) answers from a platform',
      labelNames: ['platform'] as const,
      registers,
    }),
    sendSeconds: new Histogram({
      name: 'newsbrief_send_seconds',
      help: 'Time from the start of a send to the platform answer',
      labelNames: ['platform'] as const,
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
  };
}
