import { createHash } from 'node:crypto';
import { leavesOf, type Command, type CommandOption, type Subcommand } from '../../core/command.js';
import { PERMISSION, TARGET_OPTION } from './decode.js';

/**
 * The registry as Discord application commands: options with their choices and bounds, topic
 * options with autocomplete, command groups as subcommands, and moderator commands hidden from
 * members without Manage Server (a server can change that in its integration settings; the
 * access check at run time stays the rule).
 */

/** Application command JSON as PUT /applications/{id}/commands takes it. */
export interface ApplicationCommandJson {
  name: string;
  description: string;
  type: 1;
  options: OptionJson[];
  default_member_permissions: string | null;
  /** 0 = servers, 1 = DMs with the bot. */
  contexts: number[];
  integration_types: number[];
}

interface OptionJson {
  type: number;
  channel_types?: number[];
  name: string;
  description: string;
  required?: boolean;
  choices?: { name: string; value: string }[];
  min_value?: number;
  max_value?: number;
  autocomplete?: boolean;
  options?: OptionJson[];
}

const OPTION_TYPES: Record<CommandOption['type'], number> = {
  string: 3,
  integer: 4,
  boolean: 5,
  role: 8,
  attachment: 11,
};

const CHANNEL_OPTION = 7;
/** Text, announcement, threads and forums: the channels a digest can go to. */
const TARGET_TYPES = [0, 5, 10, 11, 12, 15];

/**
 * A forum channel has no message box to type a command in, and a moderator may want to set up
 * #news from #bot-commands: commands that manage a chat take an optional `channel`.
 */
function optionsOf(sub: Subcommand): OptionJson[] {
  const options = sub.options.map(optionJson);
  if (
    sub.access === 'chat-manager' &&
    options.length < 25 &&
    !sub.options.some((option) => option.name === TARGET_OPTION)
  ) {
    options.push({
      type: CHANNEL_OPTION,
      name: TARGET_OPTION,
      description: 'Another channel, thread or forum of this server (default: this one)',
      required: false,
      channel_types: TARGET_TYPES,
    });
  }
  return options;
}
const SUBCOMMAND = 1;
const GUILD = 0;
const BOT_DM = 1;
const GUILD_INSTALL = 0;

function optionJson(option: CommandOption): OptionJson {
  const json: OptionJson = {
    type: OPTION_TYPES[option.type],
    name: option.name,
    description: option.description,
    required: option.required === true,
  };
  if (option.choices && option.choices.length > 0) {
    json.choices = option.choices.slice(0, 25).map((choice) => ({ name: choice.name, value: choice.value }));
  } else if (option.autocomplete && option.type === 'string') {
    json.autocomplete = true;
  }
  if (option.type === 'integer') {
    if (option.min !== undefined) json.min_value = option.min;
    if (option.max !== undefined) json.max_value = option.max;
  }
  return json;
}

const isModeratorOnly = (subs: readonly Subcommand[]): boolean =>
  subs.every((sub) => sub.access === 'moderator' || sub.access === 'operator') &&
  subs.some((sub) => sub.access === 'moderator');

/** One application command for a registry entry. */
export function applicationCommandOf(command: Command): ApplicationCommandJson {
  const subs = leavesOf(command).map(({ sub }) => sub);
  const moderatorOnly = isModeratorOnly(subs);
  const options =
    command.kind === 'single'
      ? optionsOf(command)
      : command.subcommands.map((sub) => ({
          type: SUBCOMMAND,
          name: sub.name,
          description: sub.description,
          options: optionsOf(sub),
        }));
  return {
    name: command.name,
    description: command.description,
    type: 1,
    options,
    default_member_permissions: moderatorOnly ? String(PERMISSION.manageGuild) : null,
    // Community moderation means nothing in a DM; everything else works there for personal use.
    contexts: moderatorOnly ? [GUILD] : [GUILD, BOT_DM],
    integration_types: [GUILD_INSTALL],
  };
}

/** Discord has no aliases: each alias is a slash command of its own with the same options. */
function aliasCommandsOf(command: Command): ApplicationCommandJson[] {
  if (command.kind !== 'single' || !command.aliases) return [];
  const json = applicationCommandOf(command);
  return command.aliases.map((alias) => ({
    ...json,
    name: alias,
    description: `Short for /${command.name}: ${command.description}`.slice(0, 100),
  }));
}

export const applicationCommandsOf = (registry: readonly Command[]): ApplicationCommandJson[] =>
  registry.flatMap((command) => [applicationCommandOf(command), ...aliasCommandsOf(command)]);

/** A stable fingerprint of the definitions, to register again only when they changed. */
export const definitionsHash = (definitions: readonly ApplicationCommandJson[]): string =>
  createHash('sha256').update(JSON.stringify(definitions)).digest('hex');
