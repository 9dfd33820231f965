import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildPayload, interactionPayload, type InteractionSpec } from './fake-discord-payloads.js';
import { createDiscordLimiter, type DiscordLimits } from './fake-discord-limits.js';
import { discordRoutes, type CreatedMessage, type DiscordFailure } from './fake-discord-rest.js';
import { createWaiters } from './fake-waiters.js';

export { discordFailures, type CreatedMessage, type DiscordFailure } from './fake-discord-rest.js';

/**
 * A small Discord on one 127.0.0.1 port for the real discord.js Client: REST under /api/v10
 * and the gateway over ws (HELLO → IDENTIFY → READY → GUILD_CREATE for every guild, heartbeat
 * ACKs, INTERACTION_CREATE on demand). Every REST call is recorded; the next matching call can
 * be made to fail; limits, when asked for, answer 429 like Discord does.
 */

export interface FakeChannel {
  id: string;
  name: string;
  /** 0 text, 5 announcement, 11 public thread, 15 forum. */
  type: number;
  parent_id?: string;
}

export interface FakeRole {
  id: string;
  name: string;
  permissions?: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  system_channel_id?: string;
  channels: FakeChannel[];
  roles?: FakeRole[];
}

export interface RecordedRequest {
  method: string;
  /** Decoded path after /api/v10, e.g. /channels/1/messages or /webhooks/1/token/messages/@original. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface FakeDiscordOptions {
  guilds?: FakeGuild[];
  /** Answer 429 when a channel's or the global message rate is exceeded (true: Discord's numbers). */
  limits?: boolean | Partial<DiscordLimits>;
  /** The bot token it accepts, shaped like a real one (default: one fixed token). Limits shared in Redis are kept per token. */
  token?: string;
}

/** Discord's rule: a guild's events go to shard (guild_id >> 22) % shard count. */
export const shardForGuild = (guildId: string, count: number): number =>
  Number((BigInt(guildId) >> 22n) % BigInt(count));

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;

export async function startFakeDiscord(options: FakeDiscordOptions = {}) {
  const applicationId = '1100000000000000001';
  const bot = {
    id: applicationId,
    username: 'newsbrief',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
  };
  // Shaped like a real token, so the configuration's check accepts it.
  const token = options.token ?? 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gfake1.fake-token-for-the-local-discord-xyz';
  const guilds = options.guilds ?? [];
  const limiter = options.limits ? createDiscordLimiter(options.limits === true ? {} : options.limits) : null;
  const requests: RecordedRequest[] = [];
  const created: CreatedMessage[] = [];
  const failures: { method: string; path: RegExp; failure: DiscordFailure }[] = [];
  const lostAnswers: { method: string; path: RegExp }[] = [];
  const identifies: unknown[] = [];
  const sockets = new Set<WebSocket>();
  const interactionTokens = new Map<string, string>();
  const channels = new Map<string, FakeChannel & { guild_id?: string }>();
  for (const guild of guilds)
    for (const channel of guild.channels) channels.set(channel.id, { ...channel, guild_id: guild.id });
  const registered = { global: null as unknown[] | null, guilds: new Map<string, unknown[]>() };
  let nextId = 1300000000000000000n;
  let sequence = 0;
  const snowflake = (): string => String(nextId++);

  const { notify, waitUntil } = createWaiters('Discord');

  const routes = discordRoutes({
    applicationId,
    bot,
    snowflake,
    channels,
    registered,
    limiter,
    created,
    gatewayUrl: () => `ws://127.0.0.1:${port}/gateway`,
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const query = Object.fromEntries(url.searchParams);
    const method = request.method ?? 'GET';
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}): void => {
      requests.push({ method, path, query, body: text ? body : null, status });
      notify();
      // A 204 carries no body and no content-type: discord.js would try to parse JSON otherwise.
      if (payload === undefined) response.writeHead(status, headers).end();
      else response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    };
    const authorised = request.headers.authorization === `Bot ${token}` || /^\/(interactions|webhooks)\//.test(path);
    if (!authorised) return send(401, { message: '401: Unauthorized', code: 0 });
    const failure = failures.findIndex((candidate) => candidate.method === method && candidate.path.test(path));
    if (failure >= 0) {
      const [{ failure: answer }] = failures.splice(failure, 1) as [(typeof failures)[number]];
      const wait = answer.retryAfter;
      const global = answer.global === true;
      const headers: Record<string, string> =
        wait === undefined
          ? {}
          : {
              'retry-after': String(wait),
              'x-ratelimit-scope': global ? 'global' : 'user',
              ...(global ? { 'x-ratelimit-global': 'true' } : {}),
            };
      return send(
        answer.status,
        {
          message: answer.message,
          code: answer.code,
          ...(wait === undefined ? {} : { retry_after: wait, global }),
        },
        headers,
      );
    }
    const lost = lostAnswers.findIndex((candidate) => candidate.method === method && candidate.path.test(path));
    for (const route of routes) {
      const match = route.method === method ? route.pattern.exec(path) : null;
      if (!match) continue;
      const result = route.handle(match, body, query);
      if (lost < 0) return send(result.status, result.body, result.headers);
      // Done, but the answer never arrives: the connection drops, as in a crash or a timeout.
      lostAnswers.splice(lost, 1);
      requests.push({ method, path, query, body: text ? body : null, status: 0 });
      notify();
      response.socket?.destroy();
      return;
    }
    send(404, { message: '404: Not Found', code: 0 });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        response
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: String(error), code: 0 }));
    });
  });
  const gateway = new WebSocketServer({ server, path: '/gateway' });
  const dispatchEvent = (socket: WebSocket, t: string, d: unknown): void => {
    socket.send(JSON.stringify({ op: 0, t, s: ++sequence, d }));
  };
  // The shard ([id, count]) each connection identified as: Discord sends a shard only its own
  // guilds' events (shard = (guild_id >> 22) % count), and DMs to shard 0.
  const shardOf = new Map<WebSocket, [number, number]>();
  const holds = (socket: WebSocket, guildId: string | undefined): boolean => {
    const [id, count] = shardOf.get(socket) ?? [0, 1];
    return (guildId === undefined ? 0 : shardForGuild(guildId, count)) === id;
  };
  gateway.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      shardOf.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (data) => {
      const payload = JSON.parse(String(data)) as { op: number; d: { shard?: [number, number] } };
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (payload.op !== 2) return;
      identifies.push(payload.d);
      const shard = payload.d.shard ?? [0, 1];
      if (shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
        socket.close(4010, 'Invalid shard');
        return;
      }
      shardOf.set(socket, shard);
      const own = guilds.filter((guild) => holds(socket, guild.id));
      dispatchEvent(socket, 'READY', {
        v: 10,
        user: bot,
        guilds: own.map((guild) => ({ id: guild.id, unavailable: true })),
        session_id: 'fake-session',
        resume_gateway_url: `ws://127.0.0.1:${port}/gateway`,
        application: { id: applicationId, flags: 0 },
        shard,
      });
      for (const guild of own) dispatchEvent(socket, 'GUILD_CREATE', guildPayload(guild));
      notify();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  /** What the bot sent back for an interaction: callback, edits, follow-ups, deletions, in order. */
  const responsesTo = (interactionId: string): RecordedRequest[] => {
    const interactionToken = interactionTokens.get(interactionId);
    return requests.filter(
      (request) =>
        request.path.startsWith(`/interactions/${interactionId}/`) ||
        (interactionToken !== undefined && request.path.startsWith(`/webhooks/${applicationId}/${interactionToken}`)),
    );
  };

  return {
    apiRoot: `http://127.0.0.1:${port}/api`,
    token,
    applicationId,
    bot,
    requests,
    identifies,
    registered,
    /** Messages created by POST /channels/:id/messages, in order (a repeat its nonce matched is not one). */
    created,
    /** Bodies of the messages created in a channel. */
    messagesIn: (channelId: string): Record<string, unknown>[] =>
      created.filter((message) => message.channelId === channelId).map((message) => message.body),
    /** 429s the limits answered, by the limit a message would have broken. */
    refused: () => ({ ...(limiter?.refused ?? { channel: 0, global: 0 }) }),
    responsesTo,
    /** Sends INTERACTION_CREATE to the connection holding its guild's shard (a DM: shard 0); returns the interaction's id. */
    interact(spec: InteractionSpec): string {
      const id = snowflake();
      const interactionToken = `itoken-${id}`;
      interactionTokens.set(id, interactionToken);
      const guild = spec.guildId ? guilds.find((candidate) => candidate.id === spec.guildId) : undefined;
      const channel = channels.get(spec.channelId);
      const payload = interactionPayload(spec, {
        id,
        token: interactionToken,
        applicationId,
        channel,
        guild,
        snowflake,
      });
      for (const socket of sockets)
        if (holds(socket, spec.guildId ?? undefined)) dispatchEvent(socket, 'INTERACTION_CREATE', payload);
      return id;
    },
    /** Sends a raw dispatch (e.g. a malformed one) on every gateway connection. */
    dispatchRaw(t: string, d: unknown): void {
      for (const socket of sockets) dispatchEvent(socket, t, d);
    },
    /** The next request matching `method` and `path` (decoded, after /api/v10) fails with `failure`. */
    failNext(method: string, path: RegExp, failure: DiscordFailure): void {
      failures.push({ method, path, failure });
    },
    /** The next request matching is carried out, but its connection drops before the answer. */
    loseNextAnswer(method: string, path: RegExp): void {
      lostAnswers.push({ method, path });
    },
    waitUntil,
    /** Resolves with the interaction's responses once there are `count` of them. */
    async waitForResponses(interactionId: string, count = 1, timeoutMs?: number): Promise<RecordedRequest[]> {
      await waitUntil(
        () => responsesTo(interactionId).length >= count,
        `${count} response(s) to ${interactionId}`,
        timeoutMs,
      );
      return responsesTo(interactionId);
    },
    waitForIdentify: (timeoutMs?: number) => waitUntil(() => identifies.length > 0, 'IDENTIFY', timeoutMs),
    async close(): Promise<void> {
      for (const socket of sockets) socket.terminate();
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
