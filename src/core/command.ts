import * as z from 'zod';
import type { Actor, ChatRef } from './domain.js';
import type { Reply } from './reply.js';
import type { Services } from './services.js';

/**
 * The command model. A command is declared once — name, description, options, who may use it —
 * and every platform runs it: options become Discord slash options and Telegram positional text
 * (the last string option takes the rest of the line).
 */

/** Who may run a command. */
export type Access =
  /** Anyone in any chat. */
  | 'anyone'
  /** Whoever may manage this chat's subscriptions (Discord Manage Channels or moderator; Telegram admin; own private chat). */
  | 'chat-manager'
  /** Community moderators (Discord Manage Server or configured role; Telegram chat administrators) and operators. */
  | 'moderator'
  /** Operator ids from the configuration and the local console user. */
  | 'operator';

export interface OptionChoice {
  name: string;
  value: string;
}

export interface CommandOption {
  name: string;
  description: string;
  /** `role`: a Discord role (its id); other platforms have no roles to pick. */
  type: 'string' | 'integer' | 'boolean' | 'attachment' | 'role';
  required?: boolean;
  choices?: readonly OptionChoice[];
  min?: number;
  max?: number;
  /**
   * A named option of the Discord slash command only. A typed line (Telegram, the console) never
   * fills it by position: the command reads the same setting from its words (`quotes 1`).
   */
  slashOnly?: boolean;
  /** Offer completions of this kind while typing (Discord autocomplete). */
  autocomplete?: 'topic';
  /**
   * Extra validation and normalisation on top of the type, e.g. a timezone check.
   * Must accept the option's base type (string or number) and may transform it.
   */
  schema?: z.ZodType;
}

export interface CommandContext {
  chat: ChatRef;
  actor: Actor;
  services: Services;
  now: Date;
}

export interface AttachmentArg {
  name: string;
  url: string;
}

export type ArgValue = string | number | boolean | AttachmentArg | undefined;
export type Args = Record<string, ArgValue>;

export interface Subcommand {
  name: string;
  description: string;
  access: Access;
  options: readonly CommandOption[];
  /** One realistic invocation shown by /help, e.g. `/feed add world https://example.org/rss`. */
  example: string;
  /** Further invocations `/help <command>` shows after the example. */
  moreExamples?: readonly string[];
  run(context: CommandContext, args: Args): Promise<Reply> | Reply;
}

/**
 * Other names a single command answers to (`/sub` for `/subscribe`), as people arriving from other
 * feed bots type them. Every platform accepts them; Discord registers each as a slash command.
 */
export interface Aliased {
  aliases?: readonly string[];
}

/** A command with options of its own, or a group of subcommands (`/feed add`, `/feed remove`). */
export type Command =
  | ({ kind: 'single' } & Subcommand & Aliased)
  | { kind: 'group'; name: string; description: string; subcommands: readonly Subcommand[] };

const nameSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'lower-case, 1-32 characters');
const optionSchema = z.object({
  name: nameSchema,
  description: z.string().min(1).max(100),
  type: z.enum(['string', 'integer', 'boolean', 'attachment', 'role']),
  required: z.boolean().optional(),
});
const subcommandSchema = z.object({
  name: nameSchema,
  description: z.string().min(1).max(100),
  access: z.enum(['anyone', 'chat-manager', 'moderator', 'operator']),
  options: z.array(optionSchema).max(25),
  example: z.string().startsWith('/'),
});

function checkOptionOrder(owner: string, options: readonly CommandOption[]): void {
  const firstOptional = options.findIndex((option) => !option.required);
  if (firstOptional >= 0 && options.slice(firstOptional).some((option) => option.required)) {
    throw new Error(`command ${owner}: required options must come before optional ones`);
  }
  const names = new Set(options.map((option) => option.name));
  if (names.size !== options.length) throw new Error(`command ${owner}: option names must be unique`);
}

/** Declares a single command; its shape is checked when the module loads. */
export function defineCommand(definition: Subcommand & Aliased): Command {
  subcommandSchema.parse(definition);
  z.array(nameSchema).optional().parse(definition.aliases);
  checkOptionOrder(definition.name, definition.options);
  return { kind: 'single', ...definition };
}

/** Declares a command made of subcommands (`/topic create`, `/feed add`, …). */
export function defineCommandGroup(definition: {
  name: string;
  description: string;
  subcommands: readonly Subcommand[];
}): Command {
  nameSchema.parse(definition.name);
  for (const sub of definition.subcommands) {
    subcommandSchema.parse(sub);
    checkOptionOrder(`${definition.name} ${sub.name}`, sub.options);
  }
  return { kind: 'group', ...definition };
}

/** The runnable leaves of a command: itself, or each of its subcommands with its full name. */
export function leavesOf(command: Command): { path: string; sub: Subcommand }[] {
  if (command.kind === 'single') return [{ path: command.name, sub: command }];
  return command.subcommands.map((sub) => ({ path: `${command.name} ${sub.name}`, sub }));
}

/** The names a command answers to: its own, then its aliases. */
export const namesOf = (command: Command): readonly string[] =>
  command.kind === 'single' ? [command.name, ...(command.aliases ?? [])] : [command.name];

/** The command a typed or registered name stands for, aliases included (names are lower-case). */
export function findCommand(registry: readonly Command[], name: string): Command | undefined {
  const wanted = name.toLowerCase();
  return (
    registry.find((command) => command.name === wanted) ?? registry.find((command) => namesOf(command).includes(wanted))
  );
}
