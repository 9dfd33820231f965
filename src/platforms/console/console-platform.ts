import { createInterface } from 'node:readline';
import type { Command } from '../../core/command.js';
import { dispatchLine } from '../../core/dispatch.js';
import type { Actor, ChatRef } from '../../core/domain.js';
import type { Logger } from '../../core/ports.js';
import type { Services } from '../../core/services.js';
import { consoleStyleFor, type MaybeTerminal } from './colour.js';
import { renderReplyText } from './render.js';

/** The local terminal is one private chat whose user is the operator: every command is allowed. */
export const CONSOLE_CHAT: ChatRef = {
  id: 'console:local',
  platform: 'console',
  kind: 'private',
  communityId: null,
  title: 'console',
};
export const CONSOLE_ACTOR: Actor = {
  id: 'console:operator',
  displayName: 'operator',
  isOperator: true,
  isModerator: true,
  canManageChat: true,
};

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  /** Coloured when it is a terminal with colours (see colour.ts). */
  output: NodeJS.WritableStream & MaybeTerminal;
  services: Services;
  commands: readonly Command[];
  logger: Logger;
  /** Show a prompt and a greeting (a person at a terminal) rather than bare answers (piped input). */
  interactive: boolean;
}

/**
 * Reads command lines and prints each answer, in order. Resolves at end of input, or when
 * `stop()` is called.
 */
export function runConsole(options: ConsoleOptions): { done: Promise<void>; stop(): void } {
  const { input, output, services, commands, logger, interactive } = options;
  const style = consoleStyleFor(output);
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const prompt = (): void => {
    if (interactive) output.write(style.prompt('newsbrief> '));
  };
  const done = (async () => {
    // Not awaited before the loop below starts reading: a line piped in meanwhile must not be missed.
    const chatReady = services.chats.ensure(CONSOLE_CHAT);
    if (interactive)
      output.write('newsbrief console — type /start to begin, /help for the commands, Ctrl-D to quit.\n');
    prompt();
    for await (const raw of lines) {
      const line = raw.trim();
      if (line.length > 0) {
        await chatReady;
        const context = { chat: CONSOLE_CHAT, actor: CONSOLE_ACTOR, services, now: services.clock.now() };
        const reply = await dispatchLine(commands, line, context, logger);
        output.write(`${reply ? renderReplyText(reply, style) : 'Commands start with / — try /help.'}\n`);
      }
      prompt();
    }
    await chatReady;
  })();
  return { done, stop: () => lines.close() };
}
