import { GrammyError, HttpError } from 'grammy';
import type { SendResult } from '../../core/ports.js';
import { telegramChatId } from './chat-id.js';

/** A failed send, classified for the delivery worker. */
export type SendFailure = Exclude<SendResult, { ok: true }>;

// 400s that mean the chat (or topic) is gone or closed to the bot, not that this message was wrong.
const GONE =
  /chat not found|message thread not found|topic (?:was )?(?:closed|deleted)|TOPIC_(?:CLOSED|DELETED)|not enough rights|have no rights|need administrator rights|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED|PEER_ID_INVALID|group chat was deactivated|user is deactivated|bot was kicked|bot is not a member/i;

const OPERATOR_ERRORS = new Set([401, 404]);

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
    // A 4xx about the message itself ("message is too long", "can't parse entities"): sending it
    // again cannot help. 401 and 404 (a revoked token, a wrong API root) are the operator's to
    // fix, not this message's: kept for later, like 5xx.
    if (error.error_code >= 400 && error.error_code < 500 && !OPERATOR_ERRORS.has(error.error_code)) {
      return { ok: false, kind: 'refused', error: description };
    }
    return { ok: false, kind: 'transient', error: description };
  }
  if (error instanceof HttpError) return { ok: false, kind: 'transient', error: `network: ${error.message}` };
  return { ok: false, kind: 'transient', error: error instanceof Error ? error.message : String(error) };
}
