import { logLevelFor, type Config } from '../config.js';
import type { Platform } from '../core/domain.js';
import { ConfigError } from '../core/errors.js';
import { systemClock } from '../core/ports.js';
import { createOutboxWorker } from '../delivery/outbox-worker.js';
import { pacingFromConfig } from '../delivery/pacing.js';
import { createLogger } from '../logger.js';
import { restMessengers, sharedDeliveryOptions } from '../shared-delivery.js';
import type { Io } from '../main.js';
import { openStores } from '../store/open.js';

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
  // As every process opens it: connected, migrated, an unreachable server a sentence naming DATABASE_URL.
  const opened = await openStores({ databaseUrl: config.DATABASE_URL, databasePath: config.DATABASE_PATH });
  const { stores } = opened;
  const messengers = await restMessengers(config, logger, stores.forumPosts);
  const sharing = await sharedDeliveryOptions(config, logger);
  const worker = createOutboxWorker({
    outbox: stores.outbox,
    control: stores.deliveryControl,
    chats: stores.chats,
    messengerFor: (platform: Platform) => messengers.get(platform),
    pacing: pacingFromConfig(config),
    clock: systemClock,
    logger,
    ...sharing,
  });
  worker.start();
  logger.info({ owner: sharing.owner, platforms: [...messengers.keys()] }, 'delivering the outbox');
  io.stdout.write(`newsbrief deliver: running as ${sharing.owner}\n`);

  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await worker.stop();
  logger.info({ stats: worker.stats() }, 'delivery stopped');
  io.stdout.write(`newsbrief deliver: stopped ${JSON.stringify(worker.stats())}\n`);
  await sharing.sharedPacer?.close();
  await opened.close();
  return 0;
}
