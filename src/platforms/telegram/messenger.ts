import type { Api } from 'grammy';
import type { Chat } from '../../core/domain.js';
import type { Logger, Messenger, OutgoingMessage, SendResult } from '../../core/ports.js';
import { parseTelegramChatId } from './chat-id.js';
import { noticeMessage } from './encode.js';
import { classifyTelegramError } from './errors.js';
import { renderTelegramDigest, type TelegramMessageBody } from './render.js';

export interface TelegramMessengerOptions {
  /** An Api without auto-retry: the delivery worker paces and retries, so 429s must reach it. */
  api: Api;
  logger: Logger;
}

const isBody = (body: unknown): body is TelegramMessageBody =>
  typeof body === 'object' && body !== null && typeof (body as { text?: unknown }).text === 'string';

/** Sends to `chatId` (a forum topic too); shared by deliveries and the bot's own notices. */
export async function sendTelegramMessage(api: Api, chatId: string, body: TelegramMessageBody): Promise<SendResult> {
  const target = parseTelegramChatId(chatId);
  if (!target) return { ok: false, kind: 'permanent', error: `not a Telegram chat id: ${chatId}` };
  try {
    await api.sendMessage(target.chatId, body.text, {
      parse_mode: body.parse_mode,
      link_preview_options: body.link_preview_options,
      ...(body.disable_notification ? { disable_notification: true } : {}),
      ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
      ...(target.threadId !== undefined ? { message_thread_id: target.threadId } : {}),
    });
    return { ok: true };
  } catch (error) {
    return classifyTelegramError(error);
  }
}

/** The Messenger the delivery worker uses for `telegram:` chats. */
export function createTelegramMessenger({ api, logger }: TelegramMessengerOptions): Messenger {
  return {
    platform: 'telegram',
    renderDigest: (digest) => renderTelegramDigest(digest).map((body) => ({ platform: 'telegram', body })),
    async send(chatId, message: OutgoingMessage) {
      if (!isBody(message.body)) {
        return { ok: false, kind: 'transient', error: 'not a Telegram message body' };
      }
      const result = await sendTelegramMessage(api, chatId, message.body);
      if (!result.ok) logger.warn({ chatId, kind: result.kind, error: result.error }, 'telegram send failed');
      return result;
    },
    async notifyPaused(chat: Chat, reason: string) {
      // Only a forum topic leaves a place to speak once it is closed to us: its group's general topic.
      const target = parseTelegramChatId(chat.id);
      if (target?.threadId === undefined) return;
      const text = `Deliveries to the topic "${chat.title ?? target.threadId}" are paused: ${reason}. An administrator can /resume there once it is fixed.`;
      const result = await sendTelegramMessage(api, `telegram:${target.chatId}`, noticeMessage(text));
      if (!result.ok) logger.info({ chatId: chat.id, error: result.error }, 'could not tell the group about a pause');
    },
  };
}
