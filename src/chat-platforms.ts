import type { Messenger } from './core/ports.js';
import type { App, Running } from './main.js';
import { startWithRetry, type PlatformStarter } from './platform-supervisor.js';

/**
 * Starts Discord and Telegram when their tokens are set, each on its own with bounded retries
 * (src/platform-supervisor.ts): one that cannot start never holds up the other, nor the console.
 * Resolves once every start has succeeded or given up: true when at least one runs.
 */
export async function superviseChatPlatforms(app: App, running: Running[], signal: AbortSignal): Promise<boolean> {
  const { config, services, logger } = app;
  const launches: Promise<boolean>[] = [];
  const launch = async <T extends { messenger: Messenger; stop(): Promise<void> }>(
    starter: PlatformStarter<T>,
  ): Promise<boolean> => {
    const platform = await startWithRetry(starter, { logger, signal });
    if (!platform) return false;
    if (signal.aborted) {
      await platform.stop();
      return false;
    }
    running.push({ name: starter.platform, stop: () => platform.stop() });
    app.digest.addMessenger(platform.messenger);
    return true;
  };
  // Loaded only when configured: the SDKs cost start-up time the console does not need.
  if (config.DISCORD_TOKEN) {
    const token = config.DISCORD_TOKEN;
    const { startDiscord, describeDiscordStartFailure } = await import('./platforms/discord/start.js');
    const count = config.SHARD_COUNT;
    // SHARD_COUNT alone: this one process holds every shard.
    const shards = count ? { count, ids: config.SHARD_IDS ?? Array.from({ length: count }, (_, id) => id) } : undefined;
    launches.push(
      launch({
        platform: 'discord',
        url: config.DISCORD_API_ROOT ?? 'https://discord.com/api',
        tokenKey: 'DISCORD_TOKEN',
        start: (attemptSignal) =>
          startDiscord({
            token,
            apiRoot: config.DISCORD_API_ROOT,
            operatorIds: config.DISCORD_OPERATOR_IDS,
            moderatorRole: config.DISCORD_MODERATOR_ROLE,
            services,
            logger,
            hashes: app.stores.meta,
            forumPosts: app.stores.forumPosts,
            signal: attemptSignal,
            requestsPerSecond: config.DISCORD_REQUESTS_PER_SECOND,
            ...(shards ? { shards } : {}),
          }),
        stop: (discord) => discord.stop(),
        describeFailure: describeDiscordStartFailure,
      }),
    );
  }
  if (config.TELEGRAM_BOT_TOKEN) {
    const token = config.TELEGRAM_BOT_TOKEN;
    const { startTelegram, describeTelegramStartFailure } = await import('./platforms/telegram/start.js');
    const webhook = config.TELEGRAM_WEBHOOK_URL
      ? { url: config.TELEGRAM_WEBHOOK_URL, port: config.TELEGRAM_WEBHOOK_PORT, secret: config.TELEGRAM_WEBHOOK_SECRET }
      : undefined;
    // Several processes on one database: one long-poller at a time (Telegram allows one per bot).
    // pg is loaded only then. The bot's id (the token's first part) names the lock.
    const databaseUrl = webhook ? undefined : config.DATABASE_URL;
    const pollingLock = databaseUrl
      ? await import('./store/postgres/advisory-lock.js').then(
          ({ createAdvisoryLock }) =>
            () =>
              createAdvisoryLock(databaseUrl, `newsbrief:telegram-polling:${token.split(':')[0]}`),
        )
      : undefined;
    launches.push(
      launch({
        platform: 'telegram',
        url: config.TELEGRAM_API_ROOT ?? 'https://api.telegram.org',
        tokenKey: 'TELEGRAM_BOT_TOKEN',
        start: (attemptSignal) =>
          startTelegram({
            token,
            apiRoot: config.TELEGRAM_API_ROOT,
            operatorIds: config.TELEGRAM_OPERATOR_IDS,
            services,
            logger,
            webhook,
            signal: attemptSignal,
            ...(pollingLock
              ? { pollingLock: pollingLock(), pollingLockRetryMs: config.TELEGRAM_POLL_LOCK_RETRY_MS }
              : {}),
          }),
        stop: (telegram) => telegram.stop(),
        describeFailure: describeTelegramStartFailure,
      }),
    );
  }
  const results = await Promise.all(launches);
  return results.some(Boolean);
}
