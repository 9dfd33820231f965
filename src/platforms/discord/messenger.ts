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
  get(channelId: string, title: string): Promise<string | null>;
  save(channelId: string, title: string, threadId: string, at: Date): Promise<void>;
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
/** A forum link that records an attempt to open a post (with the message's nonce), not a post yet. */
const OPENING = 'opening:';
const UNKNOWN_CHANNEL = 10003;
const LOCKED_THREAD = 50083;
/** Discord nonces are at most 25 characters. */
const nonceOf = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 25);

const isOutgoing = (body: unknown): body is DiscordOutgoing =>
  typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'object';

function memoryLinks(): ForumPostLinks {
  const posts = new Map<string, string>();
  return {
    get: async (channelId, title) => posts.get(`${channelId}\n${title}`) ?? null,
    async save(channelId, title, threadId) {
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

  /** A post in the forum named `title`, opened by an earlier attempt whose answer never came back. */
  async function findOpenPost(channelId: string, title: string): Promise<string | null> {
    const channel = (await rest.get(Routes.channel(channelId))) as { guild_id?: string };
    if (!channel.guild_id) return null;
    const { threads } = (await rest.get(Routes.guildActiveThreads(channel.guild_id))) as {
      threads: { id: string; parent_id?: string; name?: string }[];
    };
    const matching = threads.filter((thread) => thread.parent_id === channelId && thread.name === title);
    return matching.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1))[0]?.id ?? null;
  }

  /**
   * Opens the digest's post with this message. The attempt is written down first: when its answer
   * is lost (a crash, a timeout), the next attempt looks for the post it may have opened rather
   * than opening a second one.
   */
  async function openPost(channelId: string, title: string, message: object, marker: string): Promise<void> {
    const earlier = await posts.get(channelId, title);
    if (earlier?.startsWith(OPENING)) {
      const found = await findOpenPost(channelId, title);
      if (found) {
        await posts.save(channelId, title, found, new Date());
        // The post's first message is the one whose attempt opened it: this one, or an earlier part.
        if (earlier !== marker) await rest.post(Routes.channelMessages(found), { body: message });
        return;
      }
    }
    await posts.save(channelId, title, marker, new Date());
    const created = (await rest.post(Routes.threads(channelId), { body: { name: title, message } })) as { id: string };
    await posts.save(channelId, title, created.id, new Date());
  }

  async function post(channelId: string, body: DiscordOutgoing, idempotencyKey?: string): Promise<void> {
    const title = body.postTitle;
    const link = title ? await posts.get(channelId, title) : null;
    // Discord returns the earlier message instead of posting a second one with the same nonce
    // (for a few minutes): a retry after a lost answer does not repeat a digest. A forum post's
    // first message carries it too.
    const nonce = idempotencyKey ? nonceOf(idempotencyKey) : null;
    const message = nonce ? { ...body.message, nonce, enforce_nonce: true } : body.message;
    const marker = `${OPENING}${nonce ?? ''}`;
    if (title && link?.startsWith(OPENING)) return openPost(channelId, title, message, marker);
    try {
      await rest.post(Routes.channelMessages(link ?? channelId), { body: message });
    } catch (error) {
      const code = error instanceof DiscordAPIError ? error.code : null;
      // A forum takes posts; a post that was deleted or locked since is replaced by a new one.
      const opens = link ? code === UNKNOWN_CHANNEL || code === LOCKED_THREAD : code === NON_TEXT_CHANNEL;
      if (!(title && opens)) throw error;
      await openPost(channelId, title, message, marker);
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
