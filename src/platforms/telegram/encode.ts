import type { Reply, ReplyChoice } from '../../core/reply.js';
import { bold, escapeHtml, splitPlainText, TELEGRAM_TEXT_LIMIT } from './html.js';
import { plainText, truncateUnits } from '../../core/digest/plain-text.js';
import { htmlMessage, renderTelegramDigest, renderTelegramStories, type TelegramMessageBody } from './render.js';

/** Turns a choice's command line into callback data (at most 64 bytes; see callback-store.ts). */
export type CallbackDataFor = (command: string) => string;

const BUTTONS_PER_ROW = 2;

function keyboard(choices: readonly ReplyChoice[], callbackData: CallbackDataFor): TelegramMessageBody['reply_markup'] {
  const buttons = choices.slice(0, 60).map((choice) => ({
    text: truncateUnits(plainText(choice.label), 60) || choice.command,
    callback_data: callbackData(choice.command),
  }));
  const rows: (typeof buttons)[] = [];
  for (let index = 0; index < buttons.length; index += BUTTONS_PER_ROW) {
    rows.push(buttons.slice(index, index + BUTTONS_PER_ROW));
  }
  return { inline_keyboard: rows };
}

/** A neutral Reply as one or more Telegram messages; every piece of text is escaped. */
export function encodeReply(reply: Reply, callbackData: CallbackDataFor): TelegramMessageBody[] {
  switch (reply.kind) {
    case 'text': {
      const title = reply.title ? `${bold(truncateUnits(plainText(reply.title), 200))}\n` : '';
      const chunks = splitPlainText(reply.text, TELEGRAM_TEXT_LIMIT - title.length);
      const messages = chunks.map((chunk, index) => htmlMessage(index === 0 ? `${title}${chunk}` : chunk));
      if (reply.choices && reply.choices.length > 0) {
        messages[messages.length - 1]!.reply_markup = keyboard(reply.choices, callbackData);
      }
      return messages;
    }
    case 'error':
      return splitPlainText(reply.message, TELEGRAM_TEXT_LIMIT - 3).map((chunk, index) =>
        htmlMessage(index === 0 ? `⚠️ ${chunk}` : chunk),
      );
    case 'stories':
      return renderTelegramStories(reply.title, reply.entries, reply.timezone, reply.footer);
    case 'digest':
      return renderTelegramDigest(reply.digest);
  }
}

/** Escaped plain text as one message (notices the platform itself writes). */
export const noticeMessage = (text: string): TelegramMessageBody => htmlMessage(escapeHtml(truncateUnits(text, 4000)));
