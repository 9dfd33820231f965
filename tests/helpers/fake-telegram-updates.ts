import type { FakeChat, FakeUser, SentMessage } from './fake-telegram.js';

/** Updates as Telegram sends them when a person acts: a typed message, a pressed button. */

export function messageUpdate(
  messageId: number,
  user: FakeUser,
  chat: FakeChat,
  text: string,
  extra: { threadId?: number; senderChat?: FakeChat } = {},
): Record<string, unknown> {
  const command = /^\/\S+/.exec(text);
  return {
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { is_bot: false, ...user },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      ...(extra.threadId !== undefined ? { message_thread_id: extra.threadId, is_topic_message: true } : {}),
      ...(extra.senderChat ? { sender_chat: extra.senderChat } : {}),
    },
  };
}

export function callbackUpdate(
  id: string,
  user: FakeUser,
  message: SentMessage,
  data: string,
): Record<string, unknown> {
  return {
    callback_query: {
      id,
      from: { is_bot: false, ...user },
      chat_instance: '1',
      data,
      message: {
        message_id: message.message_id,
        date: Math.floor(Date.now() / 1000),
        chat: message.chat,
        text: message.text,
        ...(message.message_thread_id !== undefined
          ? { message_thread_id: message.message_thread_id, is_topic_message: true }
          : {}),
      },
    },
  };
}
