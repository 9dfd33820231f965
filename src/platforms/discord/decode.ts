import { findCommand, type Command } from '../../core/command.js';
import type { Invocation } from '../../core/command-text.js';
import type { Actor, ChatRef } from '../../core/domain.js';
import { UserError } from '../../core/errors.js';

/**
 * Interactions → what dispatch needs. Works on plain data (`InteractionInput`, read from the
 * discord.js object by interactions.ts), checks what it reads, and answers a UserError rather
 * than throwing anything else at malformed input.
 */

/** One option as discord.js hands it over (`interaction.options.data`). */
export interface OptionInput {
  name: string;
  type: number;
  value?: unknown;
  options?: readonly OptionInput[];
  attachment?: { name: string; url: string } | null;
}

export interface InteractionInput {
  commandName: string;
  options: readonly OptionInput[];
  guildId: string | null;
  channelId: string | null;
  /** Discord channel type, when known. */
  channelType: number | null;
  channelName?: string | null;
  user: { id: string; name: string };
  /** The member's permissions in this channel; null in DMs. */
  permissions: bigint | null;
  roleIds: readonly string[];
  /** Names of those roles, from the guild cache (for DISCORD_MODERATOR_ROLE given by name). */
  roleNames: readonly string[];
  /** The channel named by the `channel` option, with the member's permissions there. */
  target?: { id: string; type: number | null; name?: string | null; permissions: bigint | null } | null;
}

export interface DiscordAccessSettings {
  /** DISCORD_OPERATOR_IDS. */
  operatorIds: readonly string[];
  /** DISCORD_MODERATOR_ROLE: a role id or name whose members moderate like Manage Server. */
  moderatorRole?: string;
}

const OPTION_SUBCOMMAND = 1;
const OPTION_GROUP = 2;
const OPTION_ATTACHMENT = 11;
const OPTION_CHANNEL = 7;
/** The Discord-only option naming another channel (see command-definitions.ts). */
export const TARGET_OPTION = 'channel';
const DM_TYPES = new Set([1, 3]);
const THREAD_TYPES = new Set([10, 11, 12]);

export const PERMISSION = { administrator: 1n << 3n, manageChannels: 1n << 4n, manageGuild: 1n << 5n } as const;

const has = (permissions: bigint | null, bit: bigint): boolean =>
  permissions !== null && ((permissions & PERMISSION.administrator) !== 0n || (permissions & bit) !== 0n);

/** The chat a command is about: the channel it was typed in (a thread, a forum post, a DM), or the one it names. */
export function chatRefOf(input: InteractionInput): ChatRef {
  const channelId = input.target?.id ?? input.channelId;
  const channelType = input.target ? input.target.type : input.channelType;
  if (!channelId) throw new UserError('This command needs a channel.');
  const title = (input.target ? input.target.name : input.channelName) ?? undefined;
  if (!input.guildId || (channelType !== null && DM_TYPES.has(channelType))) {
    return {
      id: `discord:${channelId}`,
      platform: 'discord',
      kind: 'private',
      communityId: null,
      ...(title ? { title } : {}),
    };
  }
  const kind = channelType !== null && THREAD_TYPES.has(channelType) ? 'thread' : 'channel';
  return {
    id: `discord:${channelId}`,
    platform: 'discord',
    kind,
    communityId: `discord:${input.guildId}`,
    ...(title ? { title } : {}),
  };
}

/** Who is asking: Manage Server or the moderator role moderates, Manage Channels manages the chat. */
export function actorOf(input: InteractionInput, settings: DiscordAccessSettings): Actor {
  const inGuild = input.guildId !== null;
  const role = settings.moderatorRole?.trim().toLowerCase();
  const hasRole =
    role !== undefined && (input.roleIds.includes(role) || input.roleNames.some((name) => name.toLowerCase() === role));
  const isModerator = inGuild && (has(input.permissions, PERMISSION.manageGuild) || hasRole);
  return {
    id: `discord:${input.user.id}`,
    displayName: input.user.name,
    isOperator: settings.operatorIds.includes(input.user.id),
    isModerator,
    // A DM is the person's own chat; a named channel is managed with the rights held there.
    canManageChat:
      !inGuild ||
      isModerator ||
      has(input.target ? input.target.permissions : input.permissions, PERMISSION.manageChannels),
  };
}

function argValue(option: OptionInput): unknown {
  if (option.type === OPTION_ATTACHMENT) {
    const attachment = option.attachment;
    return attachment && typeof attachment.url === 'string'
      ? { name: String(attachment.name ?? 'file'), url: attachment.url }
      : undefined;
  }
  return option.value;
}

function argsOf(options: readonly OptionInput[] | undefined): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const option of options ?? []) {
    if (typeof option?.name !== 'string') continue;
    if (option.type === OPTION_CHANNEL && option.name === TARGET_OPTION) continue;
    const value = argValue(option);
    if (value !== undefined && value !== null) args[option.name] = value;
  }
  return args;
}

/** The invocation a slash command stands for; subcommands become `/group sub`. */
export function invocationOf(input: InteractionInput, registry: readonly Command[]): Invocation {
  const command = findCommand(registry, String(input.commandName));
  if (!command) return { command: String(input.commandName), args: {} };
  if (command.kind === 'single') return { command: command.name, args: argsOf(input.options) };
  const first = input.options[0];
  if (!first || first.type === OPTION_GROUP || first.type !== OPTION_SUBCOMMAND) {
    throw new UserError(`/${command.name} needs one of: ${command.subcommands.map((sub) => sub.name).join(', ')}`);
  }
  return { command: command.name, subcommand: first.name, args: argsOf(first.options) };
}
