import type { ChatId, ChatKind, Platform } from '../core/domain.js';
import type { PaceWindow } from './pacer.js';

/** The platforms' sending limits (config keys TELEGRAM_* and DISCORD_* of src/config.ts). */
export interface PacingLimits {
  telegramMessagesPerSecond: number;
  telegramChatMessagesPerSecond: number;
  telegramGroupMessagesPerMinute: number;
  discordRequestsPerSecond: number;
  discordChannelMessagesPerWindow: number;
  discordChannelWindowSeconds: number;
}

export const DEFAULT_PACING: PacingLimits = {
  telegramMessagesPerSecond: 30,
  telegramChatMessagesPerSecond: 1,
  telegramGroupMessagesPerMinute: 20,
  discordRequestsPerSecond: 50,
  discordChannelMessagesPerWindow: 5,
  discordChannelWindowSeconds: 5,
};

export function pacingFromConfig(config: {
  TELEGRAM_MESSAGES_PER_SECOND: number;
  TELEGRAM_CHAT_MESSAGES_PER_SECOND: number;
  TELEGRAM_GROUP_MESSAGES_PER_MINUTE: number;
  DISCORD_REQUESTS_PER_SECOND: number;
  DISCORD_CHANNEL_MESSAGES_PER_WINDOW: number;
  DISCORD_CHANNEL_WINDOW_SECONDS: number;
}): PacingLimits {
  return {
    telegramMessagesPerSecond: config.TELEGRAM_MESSAGES_PER_SECOND,
    telegramChatMessagesPerSecond: config.TELEGRAM_CHAT_MESSAGES_PER_SECOND,
    telegramGroupMessagesPerMinute: config.TELEGRAM_GROUP_MESSAGES_PER_MINUTE,
    discordRequestsPerSecond: config.DISCORD_REQUESTS_PER_SECOND,
    discordChannelMessagesPerWindow: config.DISCORD_CHANNEL_MESSAGES_PER_WINDOW,
    discordChannelWindowSeconds: config.DISCORD_CHANNEL_WINDOW_SECONDS,
  };
}

/** A Telegram group, supergroup or channel (negative chat ids), where the per-group limit applies too. */
const isTelegramGroup = (chatId: ChatId, kind: ChatKind): boolean =>
  kind === 'group' || kind === 'channel' || chatId.startsWith('telegram:-');

/** The windows a message to this chat counts against, the platform-wide one first. */
export function paceWindows(limits: PacingLimits, platform: Platform, chatId: ChatId, kind: ChatKind): PaceWindow[] {
  switch (platform) {
    case 'telegram': {
      const windows: PaceWindow[] = [
        { key: 'telegram', limit: limits.telegramMessagesPerSecond, windowMs: 1000 },
        { key: `telegram:chat:${chatId}`, limit: limits.telegramChatMessagesPerSecond, windowMs: 1000 },
      ];
      if (isTelegramGroup(chatId, kind)) {
        windows.push({
          key: `telegram:group:${chatId}`,
          limit: limits.telegramGroupMessagesPerMinute,
          windowMs: 60_000,
        });
      }
      return windows;
    }
    case 'discord':
      return [
        { key: 'discord', limit: limits.discordRequestsPerSecond, windowMs: 1000 },
        {
          key: `discord:channel:${chatId}`,
          limit: limits.discordChannelMessagesPerWindow,
          windowMs: limits.discordChannelWindowSeconds * 1000,
        },
      ];
    case 'console':
      return [];
  }
}

/** paceWindows of each message, worked out once per message however often the worker looks at it. */
export function messageWindows(
  limits: PacingLimits,
): (message: { platform: Platform; chatId: ChatId; chatKind: ChatKind }) => PaceWindow[] {
  const cache = new WeakMap<object, PaceWindow[]>();
  return (message) => {
    let windows = cache.get(message);
    if (!windows) {
      windows = paceWindows(limits, message.platform, message.chatId, message.chatKind);
      cache.set(message, windows);
    }
    return windows;
  };
}
