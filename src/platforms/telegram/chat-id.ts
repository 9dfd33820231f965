import type { ChatId, CommunityId } from '../../core/domain.js';

/**
 * Telegram chats as newsbrief ids: `telegram:<chatId>`, and `telegram:<chatId>:<threadId>` for a
 * forum topic, which is a delivery target of its own inside its group.
 */

export interface TelegramTarget {
  chatId: number;
  /** message_thread_id of a forum topic. */
  threadId?: number;
}

const PATTERN = /^telegram:(-?\d{1,20})(?::(\d{1,12}))?$/;

export function telegramChatId(chatId: number, threadId?: number): ChatId {
  return threadId === undefined ? `telegram:${chatId}` : `telegram:${chatId}:${threadId}`;
}

export const telegramCommunityId = (chatId: number): CommunityId => `telegram:${chatId}`;

/** The Telegram chat (and topic) an id names, or null when it is not a Telegram chat id. */
export function parseTelegramChatId(id: ChatId): TelegramTarget | null {
  const match = PATTERN.exec(id);
  if (!match) return null;
  const chatId = Number(match[1]);
  if (!Number.isSafeInteger(chatId)) return null;
  return match[2] === undefined ? { chatId } : { chatId, threadId: Number(match[2]) };
}
