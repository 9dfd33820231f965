import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import { leavesOf, type Access, type Command } from '../../core/command.js';
import type { Logger } from '../../core/ports.js';

/**
 * The command menus Telegram shows: everyone's commands in private chats and groups, and the
 * moderator commands on top for group administrators. Subcommands (`/feed add`) appear under
 * their command, named in its description.
 */

export interface CommandMenu {
  scope: BotCommandScope;
  commands: BotCommand[];
}

const MENU_ACCESS: readonly { scope: BotCommandScope; shows: readonly Access[] }[] = [
  { scope: { type: 'all_private_chats' }, shows: ['anyone', 'chat-manager'] },
  { scope: { type: 'all_group_chats' }, shows: ['anyone'] },
  { scope: { type: 'all_chat_administrators' }, shows: ['anyone', 'chat-manager', 'moderator'] },
];

const TELEGRAM_NAME = /^[a-z0-9_]{1,32}$/;

function menuEntry(command: Command, shows: readonly Access[]): BotCommand | null {
  const name = command.name.replace(/-/g, '_');
  if (!TELEGRAM_NAME.test(name)) return null;
  const leaves = leavesOf(command).filter(({ sub }) => shows.includes(sub.access));
  if (leaves.length === 0) return null;
  const description =
    command.kind === 'single'
      ? command.description
      : `${command.description} (${leaves.map(({ sub }) => sub.name).join(', ')})`;
  return { command: name, description: description.slice(0, 256) };
}

export function telegramCommandMenus(registry: readonly Command[]): CommandMenu[] {
  return MENU_ACCESS.map(({ scope, shows }) => ({
    scope,
    commands: registry
      .map((command) => menuEntry(command, shows))
      .filter((entry) => entry !== null)
      .slice(0, 100),
  }));
}

/** setMyCommands for each scope. A failure is logged: the bot works without menus. */
export async function registerTelegramCommands(api: Api, registry: readonly Command[], logger: Logger): Promise<void> {
  for (const menu of telegramCommandMenus(registry)) {
    try {
      await api.setMyCommands(menu.commands, { scope: menu.scope });
    } catch (error) {
      logger.warn({ err: error, scope: menu.scope.type }, 'setMyCommands failed');
    }
  }
}
