import { once } from 'node:events';
import { Client, DiscordAPIError, Events, GatewayIntentBits } from 'discord.js';
import type { Logger, Messenger } from '../../core/ports.js';
import type { Services } from '../../core/services.js';
import { networkReason, type StartFailure } from '../../core/start-failure.js';
import { createCustomIdStore } from './custom-ids.js';
import { createDeliveryRest } from './delivery-rest.js';
import { createInteractionHandler } from './interactions.js';
import { createDiscordMessenger, type ForumPostLinks } from './messenger.js';
import { registerIfChanged, type HashStore } from './register.js';

/** What the Discord platform needs; src/main.ts fills it from the configuration. */
export interface DiscordOptions {
  /** DISCORD_TOKEN. */
  token: string;
  /** DISCORD_API_ROOT: REST root without the version (a REST proxy, or the fake in tests). */
  apiRoot?: string;
  /** DISCORD_OPERATOR_IDS. */
  operatorIds: readonly string[];
  /** DISCORD_MODERATOR_ROLE. */
  moderatorRole?: string;
  services: Services;
  logger: Logger;
  /** The meta table, to register the slash commands again only when they changed. Omit to skip registration. */
  hashes?: HashStore;
  /** Forum posts opened by digests (the database), so a restart mid-digest does not open a second post. */
  forumPosts?: ForumPostLinks;
  /** Answer directly when a command is done within this; defer otherwise (default 1500 ms). */
  deferAfterMs?: number;
  /** How long to wait for the gateway's READY (default 60 s). */
  readyTimeoutMs?: number;
  /** Aborts the start at any moment (the bot is stopping): the client is destroyed. */
  signal?: AbortSignal;
  /**
   * SHARD_IDS/SHARD_COUNT: the gateway shards this process holds, of `count` over all processes.
   * Discord sends a guild's interactions to the shard holding it, so this process answers those;
   * its deliveries (REST) may go to any channel. Unset: one shard, all guilds.
   */
  shards?: { ids: readonly number[]; count: number };
  /** DISCORD_REQUESTS_PER_SECOND: the platform-wide limit deliveries are paced under. */
  requestsPerSecond?: number;
}

export interface DiscordPlatform {
  messenger: Messenger;
  client: Client;
  /** Closes the gateway connection; call before the process (or a test's fake) goes away. */
  stop(): Promise<void>;
}

/**
 * Logs in with only the Guilds intent (slash commands need no message content), registers the
 * commands when their definitions changed, and answers interactions.
 */
export async function startDiscord(options: DiscordOptions): Promise<DiscordPlatform> {
  const { token, services, hashes } = options;
  const logger = options.logger.child({ platform: 'discord' });
  const api = options.apiRoot?.replace(/\/+$/, '');
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    rest: api ? { api } : {},
    ...(options.shards ? { shards: [...options.shards.ids], shardCount: options.shards.count } : {}),
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardError, (error, shardId) => logger.warn({ err: error, shardId }, 'discord gateway error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord warning'));
  const handle = createInteractionHandler({
    services,
    logger,
    access: {
      operatorIds: options.operatorIds,
      ...(options.moderatorRole ? { moderatorRole: options.moderatorRole } : {}),
    },
    customIds: createCustomIdStore(),
    deferAfterMs: options.deferAfterMs ?? 1500,
  });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  guardPacketHandling(client, logger);

  const waiting = new AbortController();
  const timer = setTimeout(
    () => waiting.abort(new Error('Discord did not send READY in time')),
    options.readyTimeoutMs ?? 60_000,
  );
  const ready = once(client, Events.ClientReady, { signal: waiting.signal });
  // Awaited after login; a stop or the timeout during login must not leave its rejection unheard.
  ready.catch(() => undefined);
  const onStop = (): void => waiting.abort(new Error('stopped while starting'));
  options.signal?.addEventListener('abort', onStop, { once: true });
  try {
    options.signal?.throwIfAborted();
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onStop);
    waiting.abort();
  }
  const applicationId = client.application?.id ?? client.user?.id;
  if (hashes && applicationId) {
    await registerIfChanged({ rest: client.rest, applicationId, registry: services.commands, hashes, logger }).catch(
      (error: unknown) =>
        logger.warn({ err: error }, 'registering discord commands failed; run `npx newsbrief register-commands`'),
    );
  }
  // Deliveries get their own REST client that hands 429s to the delivery worker instead of waiting.
  const deliveryRest = createDeliveryRest(token, {
    ...(api ? { apiRoot: api } : {}),
    ...(options.requestsPerSecond ? { requestsPerSecond: options.requestsPerSecond } : {}),
  });
  const messenger = createDiscordMessenger({
    rest: deliveryRest,
    logger,
    systemChannelOf: (guildId) => client.guilds.cache.get(guildId)?.systemChannelId ?? null,
    ...(options.forumPosts ? { forumPosts: options.forumPosts } : {}),
  });
  logger.info(
    { user: client.user?.tag, guilds: client.guilds.cache.size, shards: [...client.ws.shards.keys()] },
    'discord bot running',
  );
  return {
    messenger,
    client,
    stop: async () => {
      await client.destroy();
    },
  };
}

/** A failed start in words: a refused token, an unreachable API, or a gateway that never said READY. */
export function describeDiscordStartFailure(error: unknown): StartFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid') return { tokenRefused: true, reason: 'the token is not valid' };
  if (error instanceof DiscordAPIError) {
    return { tokenRefused: error.status === 401, reason: `${error.status} ${error.message}` };
  }
  return { tokenRefused: false, reason: networkReason(error) };
}

/**
 * discord.js builds its objects from gateway events inside a promise nobody awaits: an event it
 * cannot read (a malformed INTERACTION_CREATE) would become an unhandled rejection and stop the
 * process. Such an event is logged and skipped instead. `handlePacket` is discord.js v14's
 * (private) per-event entry point; if it ever goes away, this does nothing.
 */
function guardPacketHandling(client: Client, logger: Logger): void {
  const ws = client.ws as unknown as { handlePacket?: (packet?: { t?: string }, shard?: unknown) => boolean };
  const original = ws.handlePacket?.bind(ws);
  if (!original) return;
  ws.handlePacket = (packet, shard) => {
    try {
      return original(packet, shard);
    } catch (error) {
      logger.warn({ err: error, event: packet?.t }, 'discord event could not be read; skipped');
      return true;
    }
  };
}
