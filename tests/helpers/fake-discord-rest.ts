import type { createDiscordLimiter } from './fake-discord-limits.js';
import { messagePayload } from './fake-discord-payloads.js';
import type { FakeChannel } from './fake-discord.js';

/** The REST side of the fake Discord: the routes newsbrief's clients call, and the failures a test can queue. */

export interface DiscordFailure {
  status: number;
  code: number;
  message: string;
  /** For a 429: seconds to wait, sent as Retry-After and retry_after. */
  retryAfter?: number;
  /** For a 429: the bot's global limit (every request held) rather than the route's. */
  global?: boolean;
}

export const discordFailures = {
  missingAccess: (): DiscordFailure => ({ status: 403, code: 50001, message: 'Missing Access' }),
  missingPermissions: (): DiscordFailure => ({ status: 403, code: 50013, message: 'Missing Permissions' }),
  unknownChannel: (): DiscordFailure => ({ status: 404, code: 10003, message: 'Unknown Channel' }),
  serverError: (): DiscordFailure => ({ status: 502, code: 0, message: 'Bad Gateway' }),
  invalidFormBody: (): DiscordFailure => ({ status: 400, code: 50035, message: 'Invalid Form Body' }),
  /** A 429: a route's limit (this channel's), or with `global` the bot's limit over every request. */
  rateLimited: (retryAfter: number, global = false): DiscordFailure => ({
    status: 429,
    code: 0,
    message: 'You are being rate limited.',
    retryAfter,
    global,
  }),
};

export interface RestState {
  applicationId: string;
  bot: Record<string, unknown>;
  snowflake: () => string;
  channels: Map<string, FakeChannel & { guild_id?: string }>;
  registered: { global: unknown[] | null; guilds: Map<string, unknown[]> };
  limiter: ReturnType<typeof createDiscordLimiter> | null;
  gatewayUrl: () => string;
  /** Messages created by POST /channels/:id/messages, in order (a create answered by its nonce adds none). */
  created: CreatedMessage[];
}

export interface CreatedMessage {
  channelId: string;
  /** What the bot posted. */
  body: Record<string, unknown>;
  /** The message object Discord answered with. */
  message: Record<string, unknown>;
  at: number;
}

/**
 * Discord keeps a message's nonce "for the past few minutes": a create with `enforce_nonce` and a
 * nonce seen in that time returns the message created first and creates nothing. Discord checks
 * by author; the fake's only author is the bot, so the nonce alone is the key. The short end of
 * "a few minutes", so a test relying on a longer memory fails here rather than in production.
 */
const NONCE_MEMORY_MS = 2 * 60_000;
/** Discord: "up to 25 characters". */
const NONCE_MAX_LENGTH = 25;

export interface Route {
  method: string;
  pattern: RegExp;
  handle: (
    match: RegExpExecArray,
    body: Record<string, unknown>,
    query: Record<string, string>,
  ) => { status: number; body?: unknown; headers?: Record<string, string> };
}

export function discordRoutes(state: RestState): Route[] {
  const { applicationId, bot, snowflake, channels, registered, limiter, created } = state;
  const byNonce = new Map<string, CreatedMessage>();
  const messageObject = (channelId: string, body: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    messagePayload(snowflake(), channelId, bot, body, { application_id: applicationId, ...extra });

  const ok = (body: unknown) => ({ status: 200, body });
  return [
    {
      method: 'GET',
      pattern: /^\/gateway\/bot$/,
      handle: () =>
        ok({
          url: state.gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        }),
    },
    {
      method: 'GET',
      pattern: /^\/applications\/@me$/,
      handle: () => ok({ id: applicationId, name: 'newsbrief', bot, flags: 0, description: '' }),
    },
    {
      method: 'PUT',
      pattern: /^\/applications\/(\d+)\/commands$/,
      handle: (_, body) => {
        registered.global = body as unknown as unknown[];
        return ok(
          (registered.global ?? []).map((command) => ({
            id: snowflake(),
            application_id: applicationId,
            version: '1',
            ...(command as object),
          })),
        );
      },
    },
    {
      method: 'PUT',
      pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
      handle: (match, body) => {
        registered.guilds.set(match[2]!, body as unknown as unknown[]);
        return ok(
          (body as unknown as unknown[]).map((command) => ({
            id: snowflake(),
            application_id: applicationId,
            version: '1',
            ...(command as object),
          })),
        );
      },
    },
    { method: 'POST', pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, handle: () => ({ status: 204 }) },
    {
      method: 'PATCH',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
      handle: (_, body) => ok(messageObject('0', body, { webhook_id: applicationId })),
    },
    { method: 'DELETE', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, handle: () => ({ status: 204 }) },
    {
      method: 'POST',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)$/,
      handle: (_, body) => ok(messageObject('0', body, { webhook_id: applicationId })),
    },
    {
      method: 'GET',
      pattern: /^\/channels\/(\d+)$/,
      handle: (match) => {
        const channel = channels.get(match[1]!);
        return channel ? ok(channel) : { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/channels\/(\d+)\/messages$/,
      handle: (match, body) => {
        const channel = channels.get(match[1]!);
        if (channel?.type === 15)
          return { status: 400, body: { message: 'Cannot send messages in a non-text channel', code: 50008 } };
        const nonce = body.nonce === undefined || body.nonce === null ? null : String(body.nonce);
        if (nonce !== null && nonce.length > NONCE_MAX_LENGTH)
          return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
        // A create answered by its nonce is still a request: it counts against the limits.
        const now = Date.now();
        const wait = limiter?.take(match[1]!, now) ?? null;
        if (wait) return wait;
        const headers = limiter?.headers(match[1]!, now) ?? {};
        const earlier = nonce !== null && body.enforce_nonce === true ? byNonce.get(nonce) : undefined;
        if (earlier && now - earlier.at < NONCE_MEMORY_MS) return { ...ok(earlier.message), headers };
        const message = messageObject(match[1]!, body, nonce === null ? {} : { nonce });
        const record = { channelId: match[1]!, body, message, at: now };
        created.push(record);
        if (nonce !== null) byNonce.set(nonce, record);
        return { ...ok(message), headers };
      },
    },
    {
      method: 'GET',
      pattern: /^\/guilds\/(\d+)\/threads\/active$/,
      handle: (match) => {
        const threads = [...channels.values()].filter(
          (channel) => channel.type === 11 && channel.guild_id === match[1],
        );
        return ok({ threads, members: [] });
      },
    },
    {
      method: 'POST',
      pattern: /^\/channels\/(\d+)\/threads$/,
      handle: (match, body) => {
        const parent = channels.get(match[1]!);
        const thread = {
          id: snowflake(),
          type: 11,
          name: String(body.name ?? ''),
          parent_id: match[1]!,
          guild_id: parent?.guild_id,
        };
        channels.set(thread.id, thread);
        return ok({ ...thread, message: messageObject(thread.id, (body.message ?? {}) as Record<string, unknown>) });
      },
    },
  ];
}
