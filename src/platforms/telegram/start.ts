import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Api, Bot, GrammyError, HttpError, webhookCallback } from 'grammy';
import type { Logger, Messenger } from '../../core/ports.js';
import type { ProcessLock } from '../../core/process-lock.js';
import type { Services } from '../../core/services.js';
import { networkReason, type StartFailure } from '../../core/start-failure.js';
import { createTelegramAccess } from './access.js';
import { createCallbackStore } from './callback-store.js';
import { registerTelegramCommands } from './command-menus.js';
import { createTelegramMessenger } from './messenger.js';
import { startPolling } from './polling.js';
import { createUpdateHandlers } from './updates.js';

/** What the Telegram platform needs; src/main.ts fills it from the configuration. */
export interface TelegramOptions {
  /** TELEGRAM_BOT_TOKEN. */
  token: string;
  /** TELEGRAM_API_ROOT: a self-hosted Bot API server, or the fake in tests. */
  apiRoot?: string;
  /** TELEGRAM_WEBHOOK_URL/_PORT/_SECRET: receive updates by webhook instead of long polling. */
  webhook?: { url: string; port: number; secret?: string; host?: string };
  /** TELEGRAM_OPERATOR_IDS. */
  operatorIds: readonly string[];
  services: Services;
  logger: Logger;
  /** getUpdates long-polling timeout, seconds (30 unless a test wants a quicker stop). */
  pollTimeoutSeconds?: number;
  /** How long a group-administrator check is trusted, ms. */
  adminCacheMs?: number;
  /** Aborts the start at any moment (the bot is stopping): every API call of the start gives up. */
  signal?: AbortSignal;
  /** Several processes (DATABASE_URL): only this lock's holder long-polls; closed on stop. */
  pollingLock?: ProcessLock;
  /** TELEGRAM_POLL_LOCK_RETRY_MS: how often a process without the lock tries it. */
  pollingLockRetryMs?: number;
}

export interface TelegramPlatform {
  messenger: Messenger;
  /** The bot's @username, from getMe. */
  username: string;
  /** Where the webhook server listens (webhook mode only). */
  webhookPort?: number;
  /** Stops taking updates and lets the ones in flight finish. */
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/**
 * Starts the Telegram bot: getMe, the command menus, then long polling (through
 * @grammyjs/runner, updates of one chat in order, chats concurrently) or a webhook server.
 */
export async function startTelegram(options: TelegramOptions): Promise<TelegramPlatform> {
  const { token, apiRoot, services, operatorIds } = options;
  const logger = options.logger.child({ platform: 'telegram' });
  // A Bot API server that never answers fails a call in a minute, not grammY's default 500 s.
  const timeoutSeconds = Math.max(60, (options.pollTimeoutSeconds ?? 30) + 30);
  const client = { timeoutSeconds, ...(apiRoot ? { apiRoot: apiRoot.replace(/\/+$/, '') } : {}) };
  const bot = new Bot(token, { client });
  // Replies to commands: a last safety net only. Deliveries use their own Api below, whose
  // rate limits reach the delivery worker's pacing instead of being slept through here.
  // Network errors are not retried here (auto-retry would retry them forever): the start is
  // retried by the platform supervisor, polling by the runner, and a failed reply is logged.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true }));
  let starting = true;
  const { signal } = options;
  if (signal) {
    // Until it runs, every call can be cut short by a stop; after that, calls finish on their own.
    bot.api.config.use((prev, method, payload, callSignal) =>
      prev(method, payload, callSignal ?? ((starting ? signal : undefined) as typeof callSignal)),
    );
  }
  bot.catch((error) =>
    logger.error({ err: error.error, update: error.ctx.update.update_id }, 'telegram update failed'),
  );
  const deliveryApi = new Api(token, client);

  // getMe by hand: Bot.init retries network errors forever, and the supervisor retries starts itself.
  bot.botInfo = await bot.api.getMe(signal as Parameters<typeof bot.api.getMe>[0]);
  const access = createTelegramAccess({ api: bot.api, operatorIds, logger, ttlMs: options.adminCacheMs });
  const handlers = createUpdateHandlers({
    services,
    logger,
    access,
    callbacks: createCallbackStore(),
    api: bot.api,
    botId: () => bot.botInfo.id,
  });
  await registerTelegramCommands(bot.api, services.commands, logger);

  // One chat's updates in order, chats concurrently: in webhook mode too, where a process takes
  // updates in parallel (with several processes behind one URL, each takes any update).
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bot.use(handlers);
  let stop: () => Promise<void>;
  let webhookPort: number | undefined;
  if (options.webhook) {
    ({ stop, port: webhookPort } = await startWebhook(bot, options.webhook, logger));
  } else {
    await bot.api.deleteWebhook();
    ({ stop } = startPolling({
      bot,
      logger,
      timeoutSeconds: options.pollTimeoutSeconds ?? 30,
      allowedUpdates: ALLOWED_UPDATES,
      ...(options.pollingLock ? { lock: options.pollingLock } : {}),
      ...(options.pollingLockRetryMs ? { retryMs: options.pollingLockRetryMs } : {}),
    }));
  }
  starting = false;
  if (signal?.aborted) {
    await stop();
    throw new Error('stopped while starting');
  }
  logger.info(
    {
      username: bot.botInfo.username,
      mode: options.webhook ? 'webhook' : options.pollingLock ? 'polling (one process at a time)' : 'polling',
    },
    'telegram bot running',
  );
  const messenger = createTelegramMessenger({ api: deliveryApi, logger });
  return { messenger, username: bot.botInfo.username, stop, ...(webhookPort !== undefined ? { webhookPort } : {}) };
}

/** A failed start in words: a refused token (401, or 404 for a malformed one) or an unreachable API. */
export function describeTelegramStartFailure(error: unknown): StartFailure {
  if (error instanceof GrammyError) {
    return {
      tokenRefused: error.error_code === 401 || error.error_code === 404,
      reason: `${error.error_code} ${error.description}`,
    };
  }
  if (error instanceof HttpError) return { tokenRefused: false, reason: networkReason(error.error) };
  return { tokenRefused: false, reason: networkReason(error) };
}

async function startWebhook(
  bot: Bot,
  webhook: NonNullable<TelegramOptions['webhook']>,
  logger: Logger,
): Promise<{ stop: () => Promise<void>; port: number }> {
  const secret = webhook.secret ?? randomBytes(24).toString('hex');
  const path = new URL(webhook.url).pathname;
  // Answer Telegram before its timeout even when a command takes long; the work goes on.
  const callback = webhookCallback(bot, 'http', {
    secretToken: secret,
    onTimeout: 'return',
    timeoutMilliseconds: 8000,
  });
  const server: Server = createServer((request, response) => {
    const requestPath = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'POST' || requestPath !== path) {
      response.writeHead(404).end();
      return;
    }
    callback(request, response).catch((error: unknown) => {
      logger.error({ err: error }, 'telegram webhook request failed');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(webhook.port, webhook.host ?? '0.0.0.0', () => resolve());
  });
  const stop = async (): Promise<void> => {
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  try {
    await bot.api.setWebhook(webhook.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop, port: (server.address() as AddressInfo).port };
}
