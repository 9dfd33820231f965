import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { SendResult } from '../../core/ports.js';

/** A failed send, classified for the delivery worker. */
export type SendFailure = Exclude<SendResult, { ok: true }>;

/**
 * JSON error codes that mean the channel is gone or closed to the bot: Unknown Channel, Unknown
 * Guild, Missing Access, Cannot send messages to this user (DMs closed), Missing Permissions,
 * and a locked archived thread.
 */
export const GONE_CODES = new Set([10003, 10004, 50001, 50007, 50013, 50083]);
/** Cannot send messages in a non-text channel: a forum, which takes posts instead. */
export const NON_TEXT_CHANNEL = 50008;

/** Discord's answer to a failed REST call, as a SendResult kind. */
export function classifyDiscordError(error: unknown): SendFailure {
  if (error instanceof RateLimitError) {
    const wait = error.retryAfter > 0 ? error.retryAfter : error.timeToReset;
    return {
      ok: false,
      kind: 'rate-limited',
      retryAfterMs: Math.max(1, Math.ceil(wait)),
      error: `429 on ${error.route}${error.global ? ' (global)' : ''}`,
      // Discord says which limit it was: the global one holds every send, a route's only this channel's.
      scope: error.global ? 'platform' : 'chat',
    };
  }
  if (error instanceof DiscordAPIError) {
    const description = `${error.status} ${String(error.code)}: ${error.message}`;
    if (typeof error.code === 'number' && GONE_CODES.has(error.code))
      return { ok: false, kind: 'permanent', error: description };
    // Any other 4xx is about this message (50035 Invalid Form Body, 40005 too large, ...): sending
    // it again cannot help. 401 (a revoked token) is the operator's to fix; 429 waits.
    if (error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 429)
      return { ok: false, kind: 'refused', error: description };
    return { ok: false, kind: 'transient', error: description };
  }
  if (error instanceof HTTPError) return { ok: false, kind: 'transient', error: `${error.status}: ${error.message}` };
  return {
    ok: false,
    kind: 'transient',
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}
