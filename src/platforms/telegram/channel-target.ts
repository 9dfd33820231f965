import { GrammyError, type Api } from 'grammy';
import { splitCommandLine, tokenize } from '../../core/command-text.js';
import type { ChatRef } from '../../core/domain.js';
import { UserError } from '../../core/errors.js';
import type { TelegramAccess } from './access.js';
import { chatRefOf, readChat } from './decode.js';

/**
 * A channel has no one to type commands in it, so its administrators manage it from a private
 * chat with the bot, naming it right after the command: `/subscribe @mychannel world daily 08:00`
 * or `/subscribe -1001234567890 world`. The same works for a group.
 */

const CHANNEL_NAME = /^@[A-Za-z][A-Za-z0-9_]{3,31}$/;
const CHAT_NUMBER = /^-\d{5,20}$/;

/** The named chat and the line without it, when a private-chat command names one. */
export function splitChannelTarget(line: string): { target: string; line: string } | null {
  const split = splitCommandLine(line);
  if (!split) return null;
  const [first] = tokenize(split.rest);
  if (!first || first.start !== 0 || !(CHANNEL_NAME.test(first.value) || CHAT_NUMBER.test(first.value))) return null;
  const rest = split.rest.slice(first.value.length).trim();
  return { target: first.value, line: rest ? `/${split.name} ${rest}` : `/${split.name}` };
}

/**
 * The chat a private-chat command names, after checking that the bot can post there and that the
 * sender administers it. Throws a UserError saying what to fix otherwise.
 */
export async function resolveChannelTarget(
  api: Pick<Api, 'getChat' | 'getChatMember'>,
  access: TelegramAccess,
  target: string,
  senderId: number,
  botId: number,
): Promise<ChatRef> {
  const chatKey = CHAT_NUMBER.test(target) ? Number(target) : target;
  let chat;
  try {
    chat = readChat(await api.getChat(chatKey));
  } catch (error) {
    if (error instanceof GrammyError && error.error_code < 500) {
      throw new UserError(`I can't see ${target}. Add me to it as an administrator first, then try again.`);
    }
    throw error;
  }
  if (!chat || chat.type === 'private') throw new UserError(`${target} is not a channel or group.`);
  const name = chat.title ?? target;
  const bot = await api.getChatMember(chat.id, botId).catch(() => null);
  const botCanPost =
    bot !== null &&
    (chat.type === 'channel'
      ? bot.status === 'creator' || (bot.status === 'administrator' && bot.can_post_messages !== false)
      : bot.status === 'member' || bot.status === 'administrator' || bot.status === 'creator');
  if (!botCanPost) {
    throw new UserError(
      chat.type === 'channel'
        ? `Make me an administrator of ${name} who can post messages, then try again.`
        : `Add me to ${name} first, then try again.`,
    );
  }
  if (!(await access.isAdministrator(chat.id, senderId))) {
    throw new UserError(`Only administrators of ${name} can manage its subscriptions.`);
  }
  return chatRefOf(chat);
}
