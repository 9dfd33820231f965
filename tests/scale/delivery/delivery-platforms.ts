import { randomBytes, randomInt } from 'node:crypto';
import { startFakeDiscord } from '../../helpers/fake-discord.js';
import { startFakeTelegram } from '../../helpers/fake-telegram.js';

/**
 * The platforms a delivery world sends to: each one's fake (enforcing its limits), what the
 * `newsbrief deliver` processes are told to reach it, and how its chats and messages look in the
 * outbox. A world (outbox-world.ts) is the same for both; only this differs.
 */

export type DeliveryPlatform = 'telegram' | 'discord';

/** A message the platform created: its text and when it arrived (ms). */
export interface Arrival {
  text: string;
  at: number;
}

/** Either fake, as a world reads it. */
export interface DeliveryFake {
  /** Messages created, in arrival order; a repeat Discord matched by its nonce creates none. */
  readonly sent: readonly Arrival[];
  /** 429s answered to message sends. */
  tooManyRequests(): number;
  /** The same 429s by the limit a send would have broken (a chat's, or the overall one). */
  refused(): Record<string, number>;
  /** Sends answered with a message created before (Discord's nonce): repeats the platform absorbed. */
  absorbed(): number;
  waitUntil(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface PlatformSetup {
  fake: DeliveryFake;
  /** The worker's environment for this platform: its token, API root and limits. */
  env: Record<string, string>;
  /** The outbox's chat id for chat `n`, the chat's kind, and a message's payload. */
  chatId(n: number): string;
  chatKind: string;
  payload(text: string): object;
}

/**
 * Telegram keeps its 1 message/s per private chat; Discord its 5 per 5 s per channel (never
 * reached by three messages a channel, as in the run). Each fake gets a token of its own,
 * so no run inherits another's windows in Redis.
 */
export async function startPlatform(platform: DeliveryPlatform, globalPerSecond: number): Promise<PlatformSetup> {
  return platform === 'telegram' ? startTelegram(globalPerSecond) : startDiscord(globalPerSecond);
}

async function startTelegram(globalPerSecond: number): Promise<PlatformSetup> {
  const telegram = await startFakeTelegram({
    token: `${randomInt(100_000_000, 999_999_999)}:TEST-token-for-the-delivery-scale-test`,
    limits: { globalPerSecond, perChatPerSecond: 1 },
  });
  return {
    fake: {
      sent: telegram.sent,
      tooManyRequests: () => telegram.callsOf('sendMessage').filter((call) => !call.ok).length,
      refused: telegram.refused,
      absorbed: () => 0,
      waitUntil: telegram.waitUntil,
      close: telegram.close,
    },
    env: {
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_MESSAGES_PER_SECOND: String(globalPerSecond),
    },
    chatId: (n) => `telegram:${n}`,
    chatKind: 'private',
    payload: (text) => ({ platform: 'telegram', body: { text } }),
  };
}

async function startDiscord(globalPerSecond: number): Promise<PlatformSetup> {
  const channel = { channelMessages: 5, channelWindowMs: 5000 };
  const discord = await startFakeDiscord({
    limits: { globalPerSecond, ...channel },
    token: `MTEw${randomBytes(12).toString('hex')}.Gfake1.fake-token-for-the-delivery-scale-test`,
  });
  const messagePosts = () =>
    discord.requests.filter((request) => request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path));
  // Read as they arrive: the world counts deliveries on every answer the fake sends.
  const sent: Arrival[] = [];
  return {
    fake: {
      get sent() {
        for (const { body, at } of discord.created.slice(sent.length)) sent.push({ text: String(body.content), at });
        return sent;
      },
      tooManyRequests: () => messagePosts().filter((request) => request.status === 429).length,
      refused: discord.refused,
      absorbed: () => messagePosts().filter((request) => request.status === 200).length - discord.created.length,
      waitUntil: discord.waitUntil,
      close: discord.close,
    },
    env: {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_ROOT: discord.apiRoot,
      DISCORD_REQUESTS_PER_SECOND: String(globalPerSecond),
      DISCORD_CHANNEL_MESSAGES_PER_WINDOW: String(channel.channelMessages),
      DISCORD_CHANNEL_WINDOW_SECONDS: String(channel.channelWindowMs / 1000),
    },
    chatId: (n) => `discord:${n}`,
    chatKind: 'channel',
    payload: (text) => ({ platform: 'discord', body: { message: { content: text } } }),
  };
}
