/**
 * Discord's message rate limits, for the fake: a few messages per channel per window, and a
 * global requests-per-second cap. Exceeding one answers 429 with Retry-After, as Discord does.
 */

export interface DiscordLimits {
  /** Messages per channel per window (Discord: 5 per 5 s). */
  channelMessages: number;
  channelWindowMs: number;
  /** Requests per second overall (Discord: 50). */
  globalPerSecond: number;
}

export const DISCORD_LIMITS: DiscordLimits = { channelMessages: 5, channelWindowMs: 5000, globalPerSecond: 50 };

export function createDiscordLimiter(overrides: Partial<DiscordLimits>) {
  const limits = { ...DISCORD_LIMITS, ...overrides };
  const channelTimes = new Map<string, number[]>();
  const globalTimes: number[] = [];
  /** 429s answered, by the limit that a message would have broken (the overall one is checked first). */
  const refused = { channel: 0, global: 0 };
  const recent = (channelId: string, now: number): number[] => {
    const times = (channelTimes.get(channelId) ?? []).filter((at) => now - at < limits.channelWindowMs);
    channelTimes.set(channelId, times);
    return times;
  };
  return {
    refused,
    /** Null when the message may go (and counts it); else the 429 answer. */
    take(channelId: string, now: number): { status: number; body: unknown; headers: Record<string, string> } | null {
      const times = recent(channelId, now);
      while (globalTimes.length > 0 && now - globalTimes[0]! >= 1000) globalTimes.shift();
      if (globalTimes.length >= limits.globalPerSecond) {
        const wait = (globalTimes[0]! + 1000 - now) / 1000;
        refused.global++;
        return tooMany(wait, true, limits.globalPerSecond);
      }
      if (times.length >= limits.channelMessages) {
        const wait = (times[0]! + limits.channelWindowMs - now) / 1000;
        refused.channel++;
        return tooMany(wait, false, limits.channelMessages);
      }
      times.push(now);
      globalTimes.push(now);
      return null;
    },
    /** The X-RateLimit headers Discord sends with a successful message. */
    headers(channelId: string, now: number): Record<string, string> {
      const times = recent(channelId, now);
      const resetAfter =
        times.length > 0 ? (times[0]! + limits.channelWindowMs - now) / 1000 : limits.channelWindowMs / 1000;
      return {
        'x-ratelimit-limit': String(limits.channelMessages),
        'x-ratelimit-remaining': String(Math.max(0, limits.channelMessages - times.length)),
        'x-ratelimit-reset-after': resetAfter.toFixed(3),
        'x-ratelimit-bucket': 'channel-messages',
      };
    },
  };
}

function tooMany(waitSeconds: number, global: boolean, limit: number) {
  const retryAfter = Math.max(0.001, waitSeconds);
  return {
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: retryAfter, global, code: 0 },
    headers: {
      'retry-after': String(Math.ceil(retryAfter)),
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': retryAfter.toFixed(3),
      'x-ratelimit-scope': global ? 'global' : 'user',
      ...(global ? { 'x-ratelimit-global': 'true' } : {}),
    },
  };
}
