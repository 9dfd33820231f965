/**
 * Telegram's published sending limits, for the fake Bot API: per private chat per second, per
 * group per minute, and overall per second. A send that would break one is answered 429 with
 * retry_after, as Telegram does (used by the delivery bench).
 */

/** Telegram's published sending limits; the fake enforces them when asked (for delivery benches). */
export interface TelegramLimits {
  /** Messages per second to one private chat (Telegram: about 1). */
  perChatPerSecond: number;
  /** Messages per minute to one group or channel (Telegram: 20). */
  groupPerMinute: number;
  /** Messages per second overall (Telegram: about 30). */
  globalPerSecond: number;
}

export const TELEGRAM_LIMITS: TelegramLimits = { perChatPerSecond: 1, groupPerMinute: 20, globalPerSecond: 30 };

export function createTelegramLimiter(overrides: Partial<TelegramLimits>) {
  const limits = { ...TELEGRAM_LIMITS, ...overrides };
  const sendTimes = new Map<number, number[]>();
  const globalTimes: number[] = [];
  /** 429s answered, by the limit that a send would have broken (a chat's, or the overall one). */
  const refused = { chat: 0, global: 0 };
  return {
    refused,
    /** 0 when a message to `chatId` may go now (and counts it); else the seconds to wait. */
    take(chatId: number, now: number): number {
      const windowMs = chatId > 0 ? 1000 : 60_000;
      const allowed = chatId > 0 ? limits.perChatPerSecond : limits.groupPerMinute;
      const times = (sendTimes.get(chatId) ?? []).filter((at) => now - at < windowMs);
      sendTimes.set(chatId, times);
      while (globalTimes.length > 0 && now - globalTimes[0]! >= 1000) globalTimes.shift();
      let waitMs = 0;
      if (times.length >= allowed) {
        waitMs = Math.max(waitMs, times[times.length - allowed]! + windowMs - now);
        refused.chat++;
      }
      if (globalTimes.length >= limits.globalPerSecond) {
        waitMs = Math.max(waitMs, globalTimes[globalTimes.length - limits.globalPerSecond]! + 1000 - now);
        refused.global++;
      }
      if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
      times.push(now);
      globalTimes.push(now);
      return 0;
    },
  };
}
