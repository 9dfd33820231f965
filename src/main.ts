import { COMMANDS } from '../commands/index.js';
import { loadCatalogue } from './catalogue.js';
import type { Config } from './config.js';
import { systemClock, type Logger } from './core/ports.js';
import type { Services } from './core/services.js';
import { runConsole } from './platforms/console/console-platform.js';
import { createStores, openDatabase, type Db, type Stores } from './store/index.js';

/**
 * The composition root: config → store → ingest → scheduler → platforms. The only module that
 * knows every part; everything else receives its dependencies as arguments.
 */

export interface App {
  config: Config;
  logger: Logger;
  db: Db;
  stores: Stores;
  services: Services;
  close(): void;
}

/** Opens the database and builds the services every entry point shares. */
export function createApp(config: Config, logger: Logger): App {
  const db = openDatabase(config.DATABASE_PATH);
  const stores = createStores(db);
  const services: Services = {
    settings: { defaultTimezone: config.DEFAULT_TIMEZONE },
    clock: systemClock,
    logger,
    commands: COMMANDS,
    topics: stores.topics,
    feeds: stores.feeds,
    chats: stores.chats,
    audit: stores.audit,
  };
  return { config, logger, db, stores, services, close: () => db.close() };
}

/** Loads the operator's catalogue into the database when it changed. */
export function prepareCatalogue(app: App): void {
  const result = loadCatalogue(app.config.CATALOGUE_PATH, {
    topics: app.stores.topics,
    feeds: app.stores.feeds,
    meta: app.stores.meta,
    transaction: (work) => app.db.transaction(work)(),
  });
  if (result.changed) app.logger.info(result, 'catalogue loaded');
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
export async function runBot(config: Config, logger: Logger, io: Io): Promise<number> {
  const app = createApp(config, logger);
  const running: Running[] = [];
  let stopping: Promise<void> | null = null;
  const shutdown = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ reason }, 'stopping');
      for (const part of [...running].reverse()) {
        try {
          await part.stop();
        } catch (error) {
          logger.error({ err: error, part: part.name }, 'error while stopping');
        }
      }
      app.close();
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    prepareCatalogue(app);
    const platformsStarted = await startPlatforms(app, io, running, () => void shutdown('end of input'));
    logger.info({ platforms: platformsStarted }, 'newsbrief running');
    await new Promise<void>((resolve) => {
      const wait = setInterval(() => {
        if (stopping) {
          clearInterval(wait);
          void stopping.then(resolve);
        }
      }, 100);
    });
    return 0;
  } catch (error) {
    await shutdown('start-up failed');
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function startPlatforms(app: App, io: Io, running: Running[], onConsoleEnd: () => void): Promise<string[]> {
  const started: string[] = [];
  if (!app.config.DISCORD_TOKEN && !app.config.TELEGRAM_BOT_TOKEN) {
    const console = runConsole({
      input: io.stdin,
      output: io.stdout,
      services: app.services,
      commands: COMMANDS,
      logger: app.logger,
      interactive: io.stdin.isTTY === true,
    });
    running.push({ name: 'console', stop: async () => { console.stop(); await console.done; } });
    void console.done.then(onConsoleEnd);
    started.push('console');
  }
  return started;
}
