import { splitCommandLine } from '../../core/command-text.js';
import type { ChatRef } from '../../core/domain.js';
import type { TelegramSender } from './access.js';
import { telegramChatId, telegramCommunityId } from './chat-id.js';

/**
 * Telegram updates → what dispatch needs: the chat (a forum topic is a chat of its own), the
 * sender and the command line. Updates are checked field by field: anything unexpected is
 * ignored (null), never thrown.
 */

export interface TelegramChatInfo {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
}

export interface DecodedCommand {
  chat: ChatRef;
  /** The Telegram chat the command came from, and its topic. */
  telegramChat: TelegramChatInfo;
  threadId?: number;
  sender: TelegramSender;
  /** The command line with any `@botname` removed. */
  line: string;
  /** Sent "as the group" by an anonymous administrator. */
  anonymousAdmin: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const CHAT_TYPES = new Set(['private', 'group', 'supergroup', 'channel']);

export function readChat(value: unknown): TelegramChatInfo | null {
  if (!isObject(value) || !isInteger(value.id) || typeof value.type !== 'string' || !CHAT_TYPES.has(value.type))
    return null;
  const text = (key: string): string | undefined =>
    typeof value[key] === 'string' ? (value[key] as string) : undefined;
  return {
    id: value.id,
    type: value.type as TelegramChatInfo['type'],
    title: text('title'),
    username: text('username'),
    first_name: text('first_name'),
  };
}

export function readSender(value: unknown): TelegramSender | null {
  if (!isObject(value) || !isInteger(value.id)) return null;
  const text = (key: string): string | undefined =>
    typeof value[key] === 'string' ? (value[key] as string) : undefined;
  return { id: value.id, first_name: text('first_name'), last_name: text('last_name'), username: text('username') };
}

/** The newsbrief chat for a Telegram chat, or one of its forum topics. */
export function chatRefOf(chat: TelegramChatInfo, threadId?: number): ChatRef {
  const title = chat.title ?? (chat.username ? `@${chat.username}` : chat.first_name);
  if (chat.type === 'private') {
    return {
      id: telegramChatId(chat.id),
      platform: 'telegram',
      kind: 'private',
      communityId: null,
      ...(title ? { title } : {}),
    };
  }
  const communityId = telegramCommunityId(chat.id);
  if (threadId !== undefined) {
    return {
      id: telegramChatId(chat.id, threadId),
      platform: 'telegram',
      kind: 'thread',
      communityId,
      ...(title ? { title } : {}),
    };
  }
  const kind = chat.type === 'channel' ? 'channel' : 'group';
  return { id: telegramChatId(chat.id), platform: 'telegram', kind, communityId, ...(title ? { title } : {}) };
}

/** The forum topic a message belongs to (replies in ordinary groups also carry a thread id: ignored). */
export function topicThreadOf(message: Record<string, unknown>): number | undefined {
  return message.is_topic_message === true && isInteger(message.message_thread_id)
    ? message.message_thread_id
    : undefined;
}

/**
 * A text message that is a command for this bot. `/cmd@otherbot` is someone else's and is
 * ignored; so are messages without a sender (channel posts).
 */
export function decodeCommandMessage(message: unknown, botUsername: string): DecodedCommand | null {
  if (!isObject(message) || typeof message.text !== 'string') return null;
  const chat = readChat(message.chat);
  const sender = readSender(message.from);
  if (!chat || !sender || chat.type === 'channel') return null;
  const split = splitCommandLine(message.text);
  if (!split) return null;
  if (split.mention && split.mention.toLowerCase() !== botUsername.toLowerCase()) return null;
  const threadId = topicThreadOf(message);
  const senderChat = readChat(message.sender_chat);
  return {
    chat: chatRefOf(chat, threadId),
    telegramChat: chat,
    ...(threadId !== undefined ? { threadId } : {}),
    sender,
    line: split.rest ? `/${split.name} ${split.rest}` : `/${split.name}`,
    anonymousAdmin: senderChat !== null && senderChat.id === chat.id,
  };
}

/** A pressed inline button: where its message is, who pressed it, and its data. */
export function decodeCallbackQuery(query: unknown): {
  chat: ChatRef;
  telegramChat: TelegramChatInfo;
  threadId?: number;
  sender: TelegramSender;
  data: string;
  /** The message the button is on (a panel a reply may replace). */
  messageId?: number;
} | null {
  if (!isObject(query) || typeof query.data !== 'string') return null;
  const sender = readSender(query.from);
  const message = query.message;
  if (!sender || !isObject(message)) return null;
  const chat = readChat(message.chat);
  if (!chat || chat.type === 'channel') return null;
  const threadId = topicThreadOf(message);
  return {
    chat: chatRefOf(chat, threadId),
    telegramChat: chat,
    ...(threadId !== undefined ? { threadId } : {}),
    sender,
    data: query.data,
    ...(isInteger(message.message_id) ? { messageId: message.message_id } : {}),
  };
}
