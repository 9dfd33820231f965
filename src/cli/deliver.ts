import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { logLevelFor, type Config } from '../config.js';
import type { Platform } from '../core/domain.js';
import { ConfigError } from '../core/errors.js';
import { systemClock, type Logger, type Messenger } from '../core/ports.js';
import { createOutboxWorker } from '../delivery/outbox-worker.js';
import { pacingFromConfig } from '../delivery/pacing.js';
import { createLogger } from '../logger.js';
import type { Io } from '../main.js';
import type { ForumPostLinks } from '../platforms/discord/messenger.js';
import { connectPostgres } from '../store/postgres/connect.js';
import { createPgStores } from '../store/postgres/index.js';
import { migratePostgres } from '../store/postgres/migrate.js';

/**
 * `newsbrief deliver`: a process that only sends the outbox (issue 12), beside others doing the
 * same on one PostgreSQL (DATABASE_URL) and Redis (REDIS_URL). Each leases whole chats, so a
 * chat's messages go out in order from one process; every send asks the limits all processes
 * share in Redis first, and a 429 pauses them all. Runs until SIGTERM or SIGINT, then lets the
 * sends in flight finish and gives its chats back.
 */
export async function runDeliver(config: Config, io: Io): Promise<number> {
  if (!config.DATABASE_URL) {
    throw new ConfigError([
      'DATABASE_URL: newsbrief deliver shares the outbox with other processes over PostgreSQL; set it',
    ]);
  }
  if (!config.TELEGRAM_BOT_TOKEN && !config.DISCORD_TOKEN) {
    throw new ConfigError([
      'TELEGRAM_BOT_TOKEN / DISCORD_TOKEN: newsbrief deliver sends to Telegram or Discord; set one or both',
    ]);
  }
  const logger = createLogger({ level: logLevelFor(config, false), format: config.LOG_FORMAT }).child({
    part: 'deliver',
  });
  const pool = await connectPostgres(config.DATABASE_URL);
  await migratePostgres(pool);
  const stores = createPgStores(pool);
  const messengers = await platformMessengers(config, logger, stores.forumPosts);
  const sharedPacer = config.REDIS_URL
    ? (await import('../limits/redis-pacer.js')).createRedisPacer({
        url: config.REDIS_URL,
        // The limits are the bot's (its tokens'): two bots on one Redis keep apart.
        prefix: `newsbrief:pace:${botKey(config)}`,
        onUnavailable: (message) =>
          message ? logger.warn(message) : logger.info('Redis is reachable again: sends go on'),
      })
    : undefined;
  if (!sharedPacer) logger.warn('REDIS_URL is not set: this process keeps the platform limits alone');
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const worker = createOutboxWorker({
    outbox: stores.outbox,
    control: stores.deliveryControl,
    chats: stores.chats,
    messengerFor: (platform: Platform) => messengers.get(platform),
    pacing: pacingFromConfig(config),
    clock: systemClock,
    logger,
    sharedPacer,
    owner,
    leaseMs: config.OUTBOX_LEASE_SECONDS * 1000,
    // Other processes queue messages and free chats: no wake() reaches here, so look every second.
    idlePollMs: 1000,
  });
  worker.start();
  logger.info({ owner, platforms: [...messengers.keys()] }, 'delivering the outbox');
  io.stdout.write(`newsbrief deliver: running as ${owner}\n`);

  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await worker.stop();
  logger.info({ stats: worker.stats() }, 'delivery stopped');
  io.stdout.write(`newsbrief deliver: stopped ${JSON.stringify(worker.stats())}\n`);
  await sharedPacer?.close();
  await pool.end();
  return 0;
}

/** The messengers of the platforms with a token: only their SDKs are loaded. */
async function platformMessengers(
  config: Config,
  logger: Logger,
  forumPosts: ForumPostLinks,
): Promise<Map<Platform, Messenger>> {
  const messengers = new Map<Platform, Messenger>();
  if (config.TELEGRAM_BOT_TOKEN) {
    const [{ Api }, { createTelegramMessenger }] = await Promise.all([
      import('grammy'),
      import('../platforms/telegram/messenger.js'),
    ]);
    const apiRoot = config.TELEGRAM_API_ROOT?.replace(/\/+$/, '');
    // No auto-retry: 429s reach the worker, which pauses every process.
    const api = new Api(config.TELEGRAM_BOT_TOKEN, { timeoutSeconds: 60, ...(apiRoot ? { apiRoot } : {}) });
    messengers.set('telegram', createTelegramMessenger({ api, logger: logger.child({ platform: 'telegram' }) }));
  }
  if (config.DISCORD_TOKEN) {
    const [{ REST }, { createDiscordMessenger }] = await Promise.all([
      import('discord.js'),
      import('../platforms/discord/messenger.js'),
    ]);
    const api = config.DISCORD_API_ROOT?.replace(/\/+$/, '');
    const rest = new REST({ ...(api ? { api } : {}), rejectOnRateLimit: () => true, retries: 0 }).setToken(
      config.DISCORD_TOKEN,
    );
    messengers.set(
      'discord',
      createDiscordMessenger({
        rest,
        logger: logger.child({ platform: 'discord' }),
        ...(forumPosts ? { forumPosts } : {}),
      }),
    );
  }
  return messengers;
}

/** A short name for the bots this process sends as, from their tokens (never the tokens themselves). */
const botKey = (config: Config): string =>
  createHash('sha256')
    .update(`${config.TELEGRAM_BOT_TOKEN ?? ''}\n${config.DISCORD_TOKEN ?? ''}`)
    .digest('base64url')
    .slice(0, 12);
