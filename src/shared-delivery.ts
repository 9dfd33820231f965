import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from './config.js';
import type { Platform } from './core/domain.js';
import type { Logger, Messenger } from './core/ports.js';
import type { OutboxWorkerOptions } from './delivery/outbox-worker-options.js';
import type { SharedPacer } from './limits/shared-pacer.js';
import type { ForumPostLinks } from './platforms/discord/messenger.js';

/**
 * How a process delivers beside others on one PostgreSQL (issue 12): its name in the outbox
 * leases, the platform limits shared through Redis, and the platforms' REST messengers. Used by
 * `newsbrief start` (every role that sends) and `newsbrief deliver`.
 */

/** A name no other process has: host, pid and a few random bytes. */
export const processOwner = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** The outbox worker's settings for sharing the outbox with other processes, or none with SQLite. */
export async function sharedDeliveryOptions(
  config: Config,
  logger: Logger,
): Promise<Pick<OutboxWorkerOptions, 'owner' | 'leaseMs' | 'idlePollMs' | 'sharedPacer'>> {
  if (!config.DATABASE_URL) return {};
  const sharedPacer = await openSharedPacer(config, logger);
  if (!sharedPacer) logger.warn('REDIS_URL is not set: this process keeps the platform limits alone');
  return {
    owner: processOwner(),
    leaseMs: config.OUTBOX_LEASE_SECONDS * 1000,
    // Other processes queue messages and free chats: no wake() reaches here, so look every second.
    idlePollMs: 1000,
    ...(sharedPacer ? { sharedPacer } : {}),
  };
}

/** The platform limits held in Redis for every process (REDIS_URL), or undefined without it. */
export async function openSharedPacer(config: Config, logger: Logger): Promise<SharedPacer | undefined> {
  if (!config.REDIS_URL) return undefined;
  const { createRedisPacer } = await import('./limits/redis-pacer.js');
  return createRedisPacer({
    url: config.REDIS_URL,
    // The limits are the bot's (its tokens'): two bots on one Redis keep apart.
    prefix: `newsbrief:pace:${botKey(config)}`,
    onUnavailable: (message) => (message ? logger.warn(message) : logger.info('Redis is reachable again: sends go on')),
  });
}

/**
 * The messengers of the platforms with a token, over their REST APIs only (no gateway, no
 * polling): what a process that only delivers needs. Only their SDKs are loaded.
 */
export async function restMessengers(
  config: Config,
  logger: Logger,
  forumPosts: ForumPostLinks,
): Promise<Map<Platform, Messenger>> {
  const messengers = new Map<Platform, Messenger>();
  if (config.TELEGRAM_BOT_TOKEN) {
    const [{ Api }, { createTelegramMessenger }] = await Promise.all([
      import('grammy'),
      import('./platforms/telegram/messenger.js'),
    ]);
    const apiRoot = config.TELEGRAM_API_ROOT?.replace(/\/+$/, '');
    // No auto-retry: 429s reach the worker, which pauses every process.
    const api = new Api(config.TELEGRAM_BOT_TOKEN, { timeoutSeconds: 60, ...(apiRoot ? { apiRoot } : {}) });
    messengers.set('telegram', createTelegramMessenger({ api, logger: logger.child({ platform: 'telegram' }) }));
  }
  if (config.DISCORD_TOKEN) {
    const [{ createDeliveryRest }, { createDiscordMessenger }] = await Promise.all([
      import('./platforms/discord/delivery-rest.js'),
      import('./platforms/discord/messenger.js'),
    ]);
    const rest = createDeliveryRest(config.DISCORD_TOKEN, {
      ...(config.DISCORD_API_ROOT ? { apiRoot: config.DISCORD_API_ROOT } : {}),
      requestsPerSecond: config.DISCORD_REQUESTS_PER_SECOND,
    });
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
