import { GrammyError, HttpError } from 'grammy';
import type { SendResult } from '../../core/ports.js';
import { telegramChatId } from './chat-id.js';

/** A failed send, classified for the delivery worker. */
export type SendFailure = Exclude<SendResult, { ok: true }>;

// 400s that mean the chat (or topic) is gone or closed to the bot, not that this message was wrong.
const GONE =
  /chat not found|message thread not found|topic (?:was )?(?:closed|deleted)|TOPIC_(?:CLOSED|DELETED)|not enough rights|have no rights|need administrator rights|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED|PEER_ID_INVALID|group chat was deactivated|user is deactivated|bot was kicked|bot is not a member/i;

/**
 * Telegram's answer to a failed call, as a SendResult kind. grammY raises GrammyError when the
 * Bot API answered `{ ok: false, error_code, description, parameters }` and HttpError when the
 * call never got an answer.
 */
export function classifyTelegramError(error: unknown): SendFailure {
  if (error instanceof GrammyError) {
    const description = `${error.error_code}: ${error.description}`;
    const { retry_after: retryAfter, migrate_to_chat_id: migrateTo } = error.parameters ?? {};
    if (error.error_code === 429) {
      return { ok: false, kind: 'rate-limited', retryAfterMs: Math.max(1, retryAfter ?? 1) * 1000, error: description };
    }
    if (migrateTo !== undefined) {
      return { ok: false, kind: 'migrated', newChatId: telegramChatId(migrateTo), error: description };
    }
    if (error.error_code === 403) return { ok: false, kind: 'permanent', error: description };
    if (error.error_code === 400 && GONE.test(error.description)) {
      return { ok: false, kind: 'permanent', error: description };
    }
    // 5xx, 401 (a revoked token is the operator's problem, not the chat's) and other refusals.
    return { ok: false, kind: 'transient', error: description };
  }
  if (error instanceof HttpError) return { ok: false, kind: 'transient', error: `network: ${error.message}` };
  return { ok: false, kind: 'transient', error: error instanceof Error ? error.message : String(error) };
}
