import { Composer, type Api, type Context } from 'grammy';
import { findCommand } from '../../core/command.js';
import { splitCommandLine } from '../../core/command-text.js';
import { dispatchLine, replyForError } from '../../core/dispatch.js';
import type { Actor, ChatRef } from '../../core/domain.js';
import type { Logger } from '../../core/ports.js';
import type { Reply } from '../../core/reply.js';
import type { Services } from '../../core/services.js';
import type { TelegramAccess, TelegramSender } from './access.js';
import type { CallbackStore } from './callback-store.js';
import { resolveChannelTarget, splitChannelTarget } from './channel-target.js';
import { parseTelegramChatId, telegramChatId } from './chat-id.js';
import { decodeCallbackQuery, decodeCommandMessage, type TelegramChatInfo } from './decode.js';
import { encodeReply, noticeMessage } from './encode.js';
import { sendTelegramMessage } from './messenger.js';
import type { TelegramMessageBody } from './render.js';

/**
 * The bot's update handlers: commands typed in chats, inline buttons pressed, and the service
 * updates that change a chat (group → supergroup, bot removed). Commands run through dispatch;
 * nothing here implements one.
 */

export interface TelegramUpdateDeps {
  services: Services;
  logger: Logger;
  access: TelegramAccess;
  callbacks: CallbackStore;
  /** Api for replies (it carries the auto-retry safety net). */
  api: Api;
  /** The bot's own user id (known after getMe). */
  botId(): number;
}

interface Origin {
  chat: ChatRef;
  telegramChat: TelegramChatInfo;
  threadId?: number;
  sender: TelegramSender;
  anonymousAdmin?: boolean;
}

const HINT = 'Commands start with / — try /help.';

export function createUpdateHandlers(deps: TelegramUpdateDeps): Composer<Context> {
  const { services, logger, access, callbacks, api } = deps;
  const registry = services.commands;
  const composer = new Composer<Context>();

  async function send(chatId: string, bodies: readonly TelegramMessageBody[]): Promise<void> {
    for (const body of bodies) {
      const result = await sendTelegramMessage(api, chatId, body);
      if (!result.ok) {
        logger.warn({ chatId, kind: result.kind, error: result.error }, 'telegram reply failed');
        return;
      }
    }
  }

  /** Redraws a panel in place (a /settings button was pressed); false when it could not. */
  async function replacePanel(chatId: string, messageId: number, body: TelegramMessageBody): Promise<boolean> {
    const target = parseTelegramChatId(chatId);
    if (!target) return false;
    try {
      await api.editMessageText(target.chatId, messageId, body.text, {
        parse_mode: body.parse_mode,
        link_preview_options: body.link_preview_options,
        ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
      });
      return true;
    } catch (error) {
      logger.info({ chatId, err: error }, 'could not redraw a panel; sending it anew');
      return false;
    }
  }

  async function run(origin: Origin, typed: string, panelMessageId?: number): Promise<void> {
    let line = typed;
    let chat = origin.chat;
    let actor: Actor;
    let reply: Reply | null;
    const targeted = origin.telegramChat.type === 'private' ? splitChannelTarget(line) : null;
    try {
      if (targeted) {
        chat = await resolveChannelTarget(api, access, targeted.target, origin.sender.id, deps.botId());
        line = targeted.line;
        const self = await access.actorFor(origin.telegramChat, origin.sender);
        actor = { ...self, isModerator: true, canManageChat: true };
      } else {
        actor = await access.actorFor(origin.telegramChat, origin.sender, {
          anonymousAdmin: origin.anonymousAdmin,
        });
      }
      reply = await dispatchLine(registry, line, { chat, actor, services, now: services.clock.now() }, logger);
    } catch (error) {
      reply = replyForError(error, logger, { line, chat: chat.id });
    }
    const where = telegramChatId(origin.telegramChat.id, origin.threadId);
    const bodies = reply ? encodeReply(reply, callbacks.dataFor) : [noticeMessage(HINT)];
    const replaces = reply?.kind === 'text' && reply.replacesPanel === true && bodies.length === 1;
    if (replaces && panelMessageId !== undefined && (await replacePanel(where, panelMessageId, bodies[0]!))) return;
    await send(where, bodies);
  }

  composer.on('message:migrate_to_chat_id', async (ctx) => {
    const from = telegramChatId(ctx.chat.id);
    const to = telegramChatId(ctx.msg.migrate_to_chat_id);
    await services.chats.rename(from, to);
    logger.info({ from, to }, 'group became a supergroup; chat moved');
  });

  composer.on('my_chat_member', async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status !== 'kicked' && status !== 'left') return;
    const id = telegramChatId(ctx.chat.id);
    const chat = await services.chats.get(id);
    if (chat && !chat.pausedAt) {
      // In a private chat, "kicked" means the person blocked the bot.
      const reason = ctx.chat.type === 'private' ? 'the user blocked the bot' : 'the bot was removed from this chat';
      // Through the digest actions, so the chat's queued messages are held too.
      await services.digests.pause(id, reason, services.clock.now());
      logger.info({ chatId: id, reason }, 'deliveries paused');
    }
  });

  composer.on('callback_query:data', async (ctx) => {
    const decoded = decodeCallbackQuery(ctx.callbackQuery);
    const line = decoded ? callbacks.commandFor(decoded.data) : null;
    const answer = line ? {} : { text: 'This button has expired — type the command instead.' };
    await ctx
      .answerCallbackQuery(answer)
      .catch((error: unknown) => logger.warn({ err: error }, 'answerCallbackQuery failed'));
    if (decoded && line) await run(decoded, line, decoded.messageId);
  });

  composer.on('message:text', async (ctx) => {
    const decoded = decodeCommandMessage(ctx.msg, ctx.me.username);
    const isPrivate = ctx.chat.type === 'private';
    if (!decoded) {
      if (isPrivate && !splitCommandLine(ctx.msg.text)) {
        await send(telegramChatId(ctx.chat.id), [noticeMessage(HINT)]);
      }
      return;
    }
    const name = splitCommandLine(decoded.line)!.name;
    const known = findCommand(registry, name) !== undefined;
    let line = decoded.line;
    // Telegram opens every private chat with /start, a deep link adds a payload that is not an argument.
    if (name === 'start') line = known ? '/start' : '/help';
    // Several bots share a group: an unknown bare /command there is probably another bot's.
    else if (!known && !isPrivate && !/^\/\S+@/.test(ctx.msg.text.trim())) return;
    await run(decoded, line);
  });

  return composer;
}
