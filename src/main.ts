import { COMMANDS } from '../commands/index.js';
import { loadCatalogue, readCatalogue } from './catalogue.js';
import { sampleCatalogueNotice } from './catalogue-notice.js';
import type { Config } from './config.js';
import { systemClock, type Logger } from './core/ports.js';
import type { Services } from './core/services.js';
import { createDigestRuntime, type DigestRuntime, type DigestRuntimeDeps } from './delivery/digest-runtime.js';
import { pacingFromConfig } from './delivery/pacing.js';
import { keyValueBaselines } from './ingest/feed-baseline.js';
import type { IngestSettings } from './ingest/index.js';
import { lazyIngest, type AppIngest } from './lazy-ingest.js';
import { measurePolls, measureSends } from './metrics/measure.js';
import { serveAppMetrics } from './metrics/serve-app.js';
import type { Metrics, MetricsOptions } from './metrics/metrics.js';
import { createConsoleMessenger } from './platforms/console/console-messenger.js';
import { runConsole } from './platforms/console/console-platform.js';
import { superviseChatPlatforms } from './chat-platforms.js';
import { pollProgress, type ProgressOutput } from './poll-progress.js';
import { restMessengers, sharedDeliveryOptions } from './shared-delivery.js';
import type { Db, Stores } from './store/index.js';
import { openStores } from './store/open.js';
import type { PgPool } from './store/postgres/connect.js';

/**
 * The composition root: config → store → ingest → scheduler → platforms. The only module that
 * knows every part; everything else receives its dependencies as arguments.
 */

export interface App {
  config: Config;
  logger: Logger;
  /** The SQLite connection, when DATABASE_URL is not set. */
  db?: Db;
  /** The PostgreSQL pool, when DATABASE_URL is set. */
  pool?: PgPool;
  /** The database in words, for messages: the SQLite path or the PostgreSQL URL without its password. */
  database: string;
  stores: Stores;
  services: Services;
  /** Feed polling, feed checks and OPML; loaded, and its worker threads started, on first use. */
  ingest: AppIngest;
  /** Subscriptions' digests: the minute tick, the outbox worker; platforms add their messenger. */
  digest: DigestRuntime;
  /** What this process counts, when it serves /metrics (METRICS_PORT). */
  metrics?: Metrics;
  /** Stops ingestion's workers and closes the database (ends the PostgreSQL pool). */
  close(): Promise<void>;
}

export interface AppOptions {
  /** src/metrics/metrics.ts's createMetrics, passed in (loaded) only when metrics are served. */
  createMetrics?: (options: MetricsOptions) => Metrics;
  /** Delivering beside other processes: outbox leases and shared limits (src/shared-delivery.ts). */
  delivery?: DigestRuntimeDeps['delivery'];
}

/**
 * What a `newsbrief start` process does (issue 12). `all`: everything, the only role on SQLite.
 * On PostgreSQL, any number of processes of each: `gateway` holds the chat platforms and answers
 * commands; `worker` polls feeds, plans digests and sends the outbox over the platforms' REST APIs.
 */
export type Role = 'all' | 'gateway' | 'worker';
export const ROLES: readonly Role[] = ['all', 'gateway', 'worker'];

/**
 * Opens the database — PostgreSQL when DATABASE_URL is set, else SQLite at DATABASE_PATH — and
 * builds the services every entry point shares.
 */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const opened = await openStores({ databaseUrl: config.DATABASE_URL, databasePath: config.DATABASE_PATH });
  const { stores } = opened;
  const metrics = options.createMetrics?.({ outboxCounts: () => stores.outbox.counts() });
  const loadedIngest = lazyIngest(
    {
      feeds: stores.feeds,
      topics: stores.topics,
      stories: stores.stories,
      clock: systemClock,
      logger,
      baselines: keyValueBaselines(stores.meta),
    },
    ingestSettings(config),
  );
  const ingest: AppIngest = metrics
    ? { ...loadedIngest, pollDueFeeds: measurePolls(loadedIngest.pollDueFeeds, metrics, logger) }
    : loadedIngest;
  const runtime = createDigestRuntime({
    ...stores,
    control: stores.deliveryControl,
    sharing: opened.sharing,
    ...(options.delivery ? { delivery: options.delivery } : {}),
    pacing: pacingFromConfig(config),
    clock: systemClock,
    logger,
  });
  const digest: DigestRuntime = metrics
    ? { ...runtime, addMessenger: (messenger) => runtime.addMessenger(measureSends(messenger, metrics)) }
    : runtime;
  const services: Services = {
    settings: { defaultTimezone: config.DEFAULT_TIMEZONE, defaultDigestCap: config.DIGEST_DEFAULT_CAP },
    clock: systemClock,
    logger,
    commands: COMMANDS,
    topics: stores.topics,
    feeds: stores.feeds,
    chats: stores.chats,
    audit: stores.audit,
    stories: stores.stories,
    feedTools: ingest,
    subscriptions: stores.subscriptions,
    schedules: digest.calendar,
    digests: digest.actions,
    transaction: stores.transaction,
  };
  const close = async (): Promise<void> => {
    await ingest.close();
    await opened.close();
  };
  return {
    config,
    logger,
    ...(opened.db ? { db: opened.db } : {}),
    ...(opened.pool ? { pool: opened.pool } : {}),
    database: opened.describe,
    stores,
    services,
    ingest,
    digest,
    ...(metrics ? { metrics } : {}),
    close,
  };
}

/**
 * createApp for the command line: a catalogue that cannot be read is reported before the database
 * file is created, and a database that cannot be opened is a ConfigError naming DATABASE_PATH.
 */
export function openApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  readCatalogue(config.CATALOGUE_PATH);
  return createApp(config, logger, options);
}

/** Ingestion's settings from the configuration. */
export function ingestSettings(config: Config): IngestSettings {
  return {
    pollIntervalMinutes: config.FEED_POLL_INTERVAL_MINUTES,
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
    allowPrivate: config.ALLOW_PRIVATE_FEEDS,
    concurrency: config.FETCH_CONCURRENCY,
    perHostConcurrency: config.FETCH_PER_HOST_CONCURRENCY,
    articleConcurrency: config.ARTICLE_FETCH_CONCURRENCY,
  };
}

/** Loads the operator's catalogue into the database when it changed. */
export async function prepareCatalogue(app: App): Promise<void> {
  const result = await loadCatalogue(app.config.CATALOGUE_PATH, {
    topics: app.stores.topics,
    feeds: app.stores.feeds,
    meta: app.stores.meta,
    transaction: app.stores.transaction,
  });
  if (result.changed) app.logger.info(result, 'catalogue loaded');
  const notice = sampleCatalogueNotice(app.config);
  if (notice) app.logger.warn({ catalogue: app.config.CATALOGUE_PATH }, notice);
}

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A running part of the bot that can be stopped, letting its in-flight work finish. */
export interface Running {
  name: string;
  stop(): Promise<void> | void;
}

/**
 * `npm start`: the bot. Discord and/or Telegram when their tokens are set, else the console
 * platform on the terminal. Returns the exit code once stopped by SIGINT/SIGTERM (or, on the
 * console, at end of input).
 */
export async function runBot(config: Config, logger: Logger, io: Io, role: Role = 'all'): Promise<number> {
  // prom-client is loaded only by a process that serves metrics.
  const createMetrics =
    config.METRICS_PORT === undefined ? undefined : (await import('./metrics/metrics.js')).createMetrics;
  const delivery = role === 'gateway' ? {} : await sharedDeliveryOptions(config, logger);
  const app = await openApp(config, logger, { ...(createMetrics ? { createMetrics } : {}), delivery });
  // Stopped last: the sends in flight still ask the shared limits while they finish.
  const running: Running[] = delivery.sharedPacer
    ? [{ name: 'shared limits', stop: () => delivery.sharedPacer?.close() }]
    : [];
  let stopping: Promise<void> | null = null;
  let exitCode = 0;
  // Aborted first thing on stopping: platform starts and their retries give up at once.
  const starting = new AbortController();
  let markStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const shutdown = (reason: string): Promise<void> => {
    starting.abort();
    stopping ??= (async () => {
      logger.info({ reason }, 'stopping');
      for (const part of [...running].reverse()) {
        try {
          await part.stop();
        } catch (error) {
          logger.error({ err: error, part: part.name }, 'error while stopping');
        }
      }
      await app.close().catch((error: unknown) => logger.error({ err: error }, 'error while closing the database'));
      markStopped();
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  // A stray rejection inside an SDK is logged with its cause; it must not take the bot down.
  const onRejection = (reason: unknown) => logger.error({ err: reason }, 'unhandled rejection');
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.on('unhandledRejection', onRejection);

  try {
    await prepareCatalogue(app);
    if (app.metrics) running.push(await serveAppMetrics(app, app.metrics, role));
    const platformsStarted =
      role === 'worker' ? [] : await startPlatforms(app, io, running, () => void shutdown('end of input'));
    if (starting.signal.aborted) {
      await stopped; // a signal came during the first poll: nothing more starts
      return exitCode;
    }
    if (role === 'worker') {
      // No gateway, no polling for updates: a worker only sends, through the platforms' REST APIs.
      for (const messenger of (await restMessengers(config, logger, app.stores.forumPosts)).values())
        app.digest.addMessenger(messenger);
    }
    if (role !== 'gateway') {
      app.digest.start({ pollDueFeeds: () => app.ingest.pollDueFeeds() });
      running.push({ name: 'digests', stop: () => app.digest.stop() });
    }
    logger.info({ role, platforms: platformsStarted }, 'newsbrief running');
    if (role === 'worker') {
      await stopped;
      return exitCode;
    }
    void superviseChatPlatforms(app, running, starting.signal).then((anyStarted) => {
      if (anyStarted || platformsStarted.length > 0 || starting.signal.aborted) return;
      logger.error('no platform could start; stopping (see the lines above for the key to fix)');
      exitCode = 1;
      void shutdown('no platform started');
    });
    // Running and answering: load ingestion now, so a moderator's first /feed add does not wait for it.
    void app.ingest.preload().catch((error: unknown) => logger.error({ err: error }, 'ingestion failed to load'));
    await stopped;
    return exitCode;
  } catch (error) {
    await shutdown('start-up failed');
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // The rejection logger stays: an SDK torn down by the stop may still reject, and that must
    // not turn a clean stop into a crash (exit 1) while the process winds down.
  }
}

async function startPlatforms(app: App, io: Io, running: Running[], onConsoleEnd: () => void): Promise<string[]> {
  const started: string[] = [];
  if (!app.config.DISCORD_TOKEN && !app.config.TELEGRAM_BOT_TOKEN) {
    // The console is the offline demo: answer the first command with stories, not an empty database.
    const progress = pollProgress(io.stderr as ProgressOutput);
    await app.ingest
      .pollDueFeeds({ progress: progress.update })
      .catch((error: unknown) => app.logger.error({ err: error }, 'first poll failed'))
      .finally(progress.end);
    const console = runConsole({
      input: io.stdin,
      output: io.stdout,
      services: app.services,
      commands: COMMANDS,
      logger: app.logger,
      interactive: io.stdin.isTTY === true,
    });
    running.push({
      name: 'console',
      stop: async () => {
        console.stop();
        await console.done;
      },
    });
    void console.done.then(onConsoleEnd);
    app.digest.addMessenger(createConsoleMessenger(io.stdout));
    started.push('console');
  }
  return started;
}
