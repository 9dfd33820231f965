import type { APIEmbed } from 'discord.js';
import type { Reply, ReplyChoice } from '../../core/reply.js';
import { fitEscaped, fitPlain } from './markdown.js';
import { cleanText, plainText } from '../../core/digest/plain-text.js';
import {
  LIMITS,
  NO_MENTIONS,
  packEmbeds,
  renderDiscordDigest,
  renderDiscordStories,
  type DiscordMessageBody,
} from './render.js';

/**
 * Neutral replies as Discord interaction responses: configuration answers and errors are
 * ephemeral (only the caller sees them), stories and digests public. Every text is escaped.
 */

export interface EncodedReply {
  /** The first is the interaction's reply, the rest follow-ups. */
  messages: DiscordMessageBody[];
  ephemeral: boolean;
}

/** Turns a choice's command line into a button custom_id (at most 100 characters). */
export type CustomIdFor = (command: string) => string;

const ERROR_COLOUR = 0xc53030;
const BUTTONS_PER_ROW = 5;
const MAX_BUTTONS = 25;

/** Escaped text cut into embed descriptions, between lines where possible. */
function descriptions(text: string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of cleanText(text).split('\n')) {
    const escaped = fitEscaped(line, LIMITS.description);
    const joined = current ? `${current}\n${escaped}` : escaped;
    if (joined.length > LIMITS.description) {
      chunks.push(current);
      current = escaped;
    } else {
      current = joined;
    }
  }
  if (current.trim() || chunks.length === 0) chunks.push(current || '\u200b');
  return chunks;
}

function buttons(choices: readonly ReplyChoice[], customIdFor: CustomIdFor): unknown[] {
  const list = choices.slice(0, MAX_BUTTONS).map((choice) => ({
    type: 2,
    style: 2,
    label: fitPlain(choice.label, 80) || fitPlain(choice.command, 80),
    custom_id: customIdFor(choice.command),
  }));
  const rows: unknown[] = [];
  for (let index = 0; index < list.length; index += BUTTONS_PER_ROW) {
    rows.push({ type: 1, components: list.slice(index, index + BUTTONS_PER_ROW) });
  }
  return rows;
}

export function encodeReply(reply: Reply, customIdFor: CustomIdFor): EncodedReply {
  switch (reply.kind) {
    case 'text': {
      const title = reply.title ? fitEscaped(plainText(reply.title), LIMITS.title) : undefined;
      const embeds: APIEmbed[] = descriptions(reply.text).map((description, index) => ({
        ...(index === 0 && title ? { title } : {}),
        description,
      }));
      const messages = packEmbeds(undefined, embeds);
      if (reply.choices && reply.choices.length > 0) {
        messages[messages.length - 1]!.components = buttons(reply.choices, customIdFor);
      }
      return { messages, ephemeral: reply.ephemeral === true };
    }
    case 'error':
      return {
        messages: [
          {
            embeds: [{ description: `⚠️ ${fitEscaped(reply.message, LIMITS.description - 3)}`, color: ERROR_COLOUR }],
            allowed_mentions: NO_MENTIONS,
          },
        ],
        ephemeral: true,
      };
    case 'stories':
      return { messages: renderDiscordStories(reply.title, reply.entries, reply.footer), ephemeral: false };
    case 'digest':
      return { messages: renderDiscordDigest(reply.digest).map((part) => part.message), ephemeral: false };
  }
}

/** A notice the platform itself writes, as one message; `markdown` is already escaped. */
export const noticeBody = (markdown: string): DiscordMessageBody => ({
  embeds: [{ description: markdown.slice(0, LIMITS.description) }],
  allowed_mentions: NO_MENTIONS,
});
