import { isAllowed, refusalReason } from './access.js';
import { validateArgs } from './args.js';
import { findCommand, type Command, type CommandContext, type Subcommand } from './command.js';
import { parseCommandLine, type Invocation } from './command-text.js';
import { UserError } from './errors.js';
import type { Logger } from './ports.js';
import { errorReply, type Reply } from './reply.js';

/**
 * The one error boundary for commands: access check → argument validation → run → Reply.
 * A UserError is shown to the caller; anything else is logged with its context and answered
 * with a short apology. Never throws.
 */

export const APOLOGY = 'Sorry — something went wrong on our side. It has been logged; please try again later.';

export function findSubcommand(registry: readonly Command[], invocation: Invocation): Subcommand {
  const command = findCommand(registry, invocation.command);
  if (!command) throw new UserError(`Unknown command /${invocation.command}. Try /help.`);
  if (command.kind === 'single') return command;
  const sub = command.subcommands.find((candidate) => candidate.name === invocation.subcommand);
  if (!sub) {
    const names = command.subcommands.map((candidate) => candidate.name).join(', ');
    throw new UserError(`/${command.name} needs one of: ${names}`);
  }
  return sub;
}

export async function dispatch(
  registry: readonly Command[],
  invocation: Invocation,
  context: CommandContext,
  logger: Logger,
): Promise<Reply> {
  try {
    const sub = findSubcommand(registry, invocation);
    if (!isAllowed(sub.access, context.actor)) return errorReply(refusalReason(sub.access));
    const args = validateArgs(sub, invocation.args);
    return await sub.run(context, args);
  } catch (error) {
    return replyForError(error, logger, { invocation, chat: context.chat.id, actor: context.actor.id });
  }
}

/** Parses a typed line (Telegram, console) and dispatches it. Null when the line is not a command. */
export async function dispatchLine(
  registry: readonly Command[],
  line: string,
  context: CommandContext,
  logger: Logger,
): Promise<Reply | null> {
  let invocation: Invocation | null;
  try {
    invocation = parseCommandLine(registry, line);
  } catch (error) {
    return replyForError(error, logger, { line, chat: context.chat.id });
  }
  return invocation ? dispatch(registry, invocation, context, logger) : null;
}

export function replyForError(error: unknown, logger: Logger, context: Record<string, unknown>): Reply {
  if (error instanceof UserError) return errorReply(error.message);
  logger.error({ err: error, ...context }, 'command failed');
  return errorReply(APOLOGY);
}
