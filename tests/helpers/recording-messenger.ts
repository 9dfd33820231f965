import { packEntries } from '../../src/core/digest/pack.js';
import { renderEntryText, moreLine } from '../../src/core/digest/render-text.js';
import type { Chat, ChatId, Platform } from '../../src/core/domain.js';
import type { Messenger, OutgoingMessage, SendResult } from '../../src/core/ports.js';
import type { Digest } from '../../src/core/reply.js';

/** What a recording messenger received. */
export interface RecordedSend {
  chatId: ChatId;
  text: string;
  key: string | undefined;
  result: SendResult;
}

/**
 * A Messenger that implements the port for delivery tests: renders a digest as plain-text parts
 * of at most `limit` characters (split between entries), records each send, and answers what the
 * test scripted (`ok` by default).
 */
export function recordingMessenger(options: { platform?: Platform; limit?: number } = {}) {
  const platform = options.platform ?? 'telegram';
  const limit = options.limit ?? 4096;
  const sends: RecordedSend[] = [];
  const scripted = new Map<ChatId, SendResult[]>();
  const paused: { chatId: ChatId; reason: string }[] = [];
  let respond: ((chatId: ChatId, text: string) => SendResult | Promise<SendResult>) | null = null;

  const messenger = {
    platform,
    renderDigest(digest: Digest): OutgoingMessage[] {
      const blocks = digest.sections.flatMap((section) => [
        ...section.entries.map((entry) => renderEntryText(entry, digest.timezone)),
        ...(section.more > 0 ? [moreLine(section.more, section.topicSlug)] : []),
      ]);
      const parts = packEntries(blocks, (chunk) => [digest.title, ...chunk].join('\n\n').length, limit);
      return parts.map((part) => ({ platform, body: { text: [digest.title, ...part].join('\n\n') } }));
    },
    async send(chatId: ChatId, message: OutgoingMessage): Promise<SendResult> {
      const text = (message.body as { text: string }).text;
      const queue = scripted.get(chatId);
      const result =
        queue && queue.length > 0 ? queue.shift()! : respond ? await respond(chatId, text) : ({ ok: true } as const);
      sends.push({ chatId, text, key: message.idempotencyKey, result });
      return result;
    },
    async notifyPaused(chat: Chat, reason: string): Promise<void> {
      paused.push({ chatId: chat.id, reason });
    },
  } satisfies Messenger;

  return {
    messenger,
    sends,
    paused,
    /** The next sends to `chatId` answer these, in order. */
    script(chatId: ChatId, ...results: SendResult[]): void {
      scripted.set(chatId, [...(scripted.get(chatId) ?? []), ...results]);
    },
    /** Answers every unscripted send. */
    respondWith(fn: (chatId: ChatId, text: string) => SendResult | Promise<SendResult>): void {
      respond = fn;
    },
    delivered: (chatId?: ChatId): RecordedSend[] =>
      sends.filter((send) => send.result.ok && (chatId === undefined || send.chatId === chatId)),
  };
}
