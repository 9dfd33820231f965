import type { Api } from 'grammy';
import type { Actor } from '../../core/domain.js';
import type { Logger } from '../../core/ports.js';

/** Who sent an update, as much as the platform needs of it. */
export interface TelegramSender {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
}

export interface TelegramAccessOptions {
  api: Pick<Api, 'getChatMember'>;
  /** TELEGRAM_OPERATOR_IDS. */
  operatorIds: readonly string[];
  logger: Logger;
  /** How long an administrator check is trusted; short, so a demotion soon takes effect. */
  ttlMs?: number;
  now?: () => number;
}

export interface TelegramAccess {
  /** Whether the user is the chat's creator or one of its administrators (cached briefly). */
  isAdministrator(chatId: number, userId: number): Promise<boolean>;
  /**
   * The actor for a command: in a group or channel, its administrators moderate it and manage
   * its subscriptions; a private chat's own user manages it.
   */
  actorFor(
    chat: { id: number; type: string },
    sender: TelegramSender,
    options?: { anonymousAdmin?: boolean },
  ): Promise<Actor>;
}

const MAX_CACHED = 5000;

export const displayNameOf = (sender: TelegramSender): string =>
  [sender.first_name, sender.last_name].filter(Boolean).join(' ') ||
  (sender.username ? `@${sender.username}` : String(sender.id));

export function createTelegramAccess(options: TelegramAccessOptions): TelegramAccess {
  const { api, operatorIds, logger, ttlMs = 60_000, now = Date.now } = options;
  const cache = new Map<string, { admin: boolean; at: number }>();

  async function isAdministrator(chatId: number, userId: number): Promise<boolean> {
    const key = `${chatId}:${userId}`;
    const cached = cache.get(key);
    if (cached && now() - cached.at < ttlMs) return cached.admin;
    let admin = false;
    try {
      const member = await api.getChatMember(chatId, userId);
      admin = member.status === 'creator' || member.status === 'administrator';
    } catch (error) {
      logger.warn({ err: error, chatId, userId }, 'getChatMember failed; treating the user as a member');
      return false;
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, { admin, at: now() });
    return admin;
  }

  return {
    isAdministrator,
    async actorFor(chat, sender, { anonymousAdmin = false } = {}) {
      const actor: Actor = {
        id: `telegram:${sender.id}`,
        displayName: displayNameOf(sender),
        isOperator: operatorIds.includes(String(sender.id)),
        isModerator: false,
        canManageChat: false,
      };
      if (chat.type === 'private') return { ...actor, canManageChat: true };
      // Someone posting "as the group" can only be one of its administrators.
      if (anonymousAdmin) return { ...actor, id: `telegram:${chat.id}`, isModerator: true, canManageChat: true };
      const admin = await isAdministrator(chat.id, sender.id);
      return { ...actor, isModerator: admin, canManageChat: admin };
    },
  };
}
