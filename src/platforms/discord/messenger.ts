import { createHash } from 'node:crypto';
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { Chat } from '../../core/domain.js';
import type { Logger, Messenger, SendResult } from '../../core/ports.js';
import { noticeBody } from './encode.js';
import { classifyDiscordError, NON_TEXT_CHANNEL } from './errors.js';
import { fitEscaped } from './markdown.js';
import { renderDiscordDigest, type DiscordOutgoing } from './render.js';

/**
 * Where the forum post a digest opened is remembered (the database in production: a restart
 * mid-digest must not open a second post).
 */
export interface ForumPostLinks {
  get(channelId: string, title: string): string | null;
  save(channelId: string, title: string, threadId: string, at: Date): void;
}

export interface DiscordMessengerOptions {
  /** A REST client that rejects on rate limits (rejectOnRateLimit) so 429s reach the delivery worker. */
  rest: REST;
  logger: Logger;
  /** The guild's system channel, where a pause can be announced (from the gateway cache). */
  systemChannelOf?(guildId: string): string | null;
  /** Forum posts opened for digests; in memory when omitted (lost on restart). */
  forumPosts?: ForumPostLinks;
}

const CHAT_ID = /^discord:(\d{1,25})$/;
/** Discord nonces are at most 25 characters. */
const nonceOf = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 25);

const isOutgoing = (body: unknown): body is DiscordOutgoing =>
  typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'object';

function memoryLinks(): ForumPostLinks {
  const posts = new Map<string, string>();
  return {
    get: (channelId, title) => posts.get(`${channelId}\n${title}`) ?? null,
    save(channelId, title, threadId) {
      posts.set(`${channelId}\n${title}`, threadId);
      if (posts.size > 500) posts.delete(posts.keys().next().value!);
    },
  };
}

/** The Messenger the delivery worker uses for `discord:` chats (channels, threads, forums, DMs). */
export function createDiscordMessenger({
  rest,
  logger,
  systemChannelOf,
  forumPosts,
}: DiscordMessengerOptions): Messenger {
  const posts = forumPosts ?? memoryLinks();

  async function post(channelId: string, body: DiscordOutgoing, idempotencyKey?: string): Promise<void> {
    const title = body.postTitle ?? '';
    const thread = body.postTitle ? posts.get(channelId, title) : null;
    // Discord returns the earlier message instead of posting a second one with the same nonce
    // (for a few minutes): a retry after a lost answer does not repeat a digest. A forum post's
    // first message carries it too.
    const message = idempotencyKey
      ? { ...body.message, nonce: nonceOf(idempotencyKey), enforce_nonce: true }
      : body.message;
    try {
      await rest.post(Routes.channelMessages(thread ?? channelId), { body: message });
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === NON_TEXT_CHANNEL && body.postTitle)) throw error;
      const created = (await rest.post(Routes.threads(channelId), {
        body: { name: body.postTitle, message },
      })) as { id: string };
      posts.save(channelId, title, created.id, new Date());
    }
  }

  return {
    platform: 'discord',
    renderDigest: (digest) => renderDiscordDigest(digest).map((body) => ({ platform: 'discord', body })),
    async send(chatId, message): Promise<SendResult> {
      const channelId = CHAT_ID.exec(chatId)?.[1];
      if (!channelId) return { ok: false, kind: 'permanent', error: `not a Discord chat id: ${chatId}` };
      if (!isOutgoing(message.body)) return { ok: false, kind: 'transient', error: 'not a Discord message body' };
      try {
        await post(channelId, message.body, message.idempotencyKey);
        return { ok: true };
      } catch (error) {
        const result = classifyDiscordError(error);
        logger.warn({ chatId, kind: result.kind, error: result.error }, 'discord send failed');
        return result;
      }
    },
    async notifyPaused(chat: Chat, reason: string) {
      const guildId = chat.communityId?.replace(/^discord:/, '');
      const channelId = CHAT_ID.exec(chat.id)?.[1];
      const announce = guildId ? systemChannelOf?.(guildId) : null;
      if (!announce || !channelId || announce === channelId) return;
      const text = `Deliveries to <#${channelId}> are paused: ${fitEscaped(reason, 500)}. A moderator can give the bot back its access there (View Channel, Send Messages, Embed Links) and run /resume in that channel.`;
      try {
        await rest.post(Routes.channelMessages(announce), { body: noticeBody(text) });
      } catch (error) {
        logger.info({ chatId: chat.id, error: classifyDiscordError(error).error }, 'could not announce a pause');
      }
    },
  };
}
