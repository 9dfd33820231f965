import { findCommand, type Command, type CommandOption, type Subcommand } from './command.js';
import { EXTRA_WORDS } from './args.js';
import { UserError } from './errors.js';

/**
 * Turns a typed command line (`/feed add world https://example.org/rss`) into an invocation, as
 * Telegram and the console receive them. Options are positional in declaration order; the last
 * string option takes the rest of the line. "Double quotes" group words into one argument.
 */

export interface Invocation {
  command: string;
  subcommand?: string;
  /** Raw values by option name: strings here, typed values from Discord. */
  args: Record<string, unknown>;
}

/** A line that is a command: `/name`, `/name@botname`, then arguments. Null for ordinary text. */
export function splitCommandLine(line: string): { name: string; mention: string | null; rest: string } | null {
  const match = /^\/([A-Za-z0-9_-]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/.exec(line.trim());
  if (!match) return null;
  return { name: match[1]!.toLowerCase(), mention: match[2] ?? null, rest: (match[3] ?? '').trim() };
}

interface Token {
  value: string;
  /** Offset of the token's first character in the text (its opening quote, if quoted). */
  start: number;
}

/** Splits on white space, keeping "quoted words" together. Linear: one pass, no backtracking. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let current: Token | null = null;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') {
      quoted = !quoted;
      current ??= { value: '', start: index };
    } else if (!quoted && /\s/.test(char)) {
      if (current) tokens.push(current);
      current = null;
    } else {
      current ??= { value: '', start: index };
      current.value += char;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

const looksLikeInteger = (token: string): boolean => /^[+-]?\d+$/.test(token);

/** Assigns positional tokens to options; the last string option swallows the rest of the line. */
export function assignPositional(options: readonly CommandOption[], rest: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const text = rest.trim();
  const tokens = tokenize(text);
  const positional = options.filter((option) => option.type !== 'attachment' && !option.slashOnly);
  const lastString = positional.map((option) => option.type).lastIndexOf('string');
  let next = 0;
  for (let index = 0; index < positional.length && next < tokens.length; index++) {
    const option = positional[index]!;
    const token = tokens[next]!;
    const left = tokens.length - next;
    // An optional text option facing a lone number meant for a later number option is skipped: `/latest 3`.
    const laterInteger = positional.slice(index + 1).some((later) => later.type === 'integer');
    if (option.type === 'string' && !option.required && looksLikeInteger(token.value) && laterInteger && left === 1) {
      continue;
    }
    if (index === lastString && positional.slice(index + 1).every((later) => later.type !== 'string')) {
      // The last text option takes the rest of the line, minus what the later (number) options need.
      const laterCount = positional.length - index - 1;
      const take = Math.max(1, left - laterCount);
      const end = next + take < tokens.length ? tokens[next + take]!.start : text.length;
      const raw = text.slice(token.start, end).trim();
      args[option.name] = take === 1 ? token.value : raw;
      next += take;
      continue;
    }
    args[option.name] = token.value;
    next++;
  }
  if (next < tokens.length) args[EXTRA_WORDS] = text.slice(tokens[next]!.start);
  return args;
}

/** Finds the command (and subcommand) a line names and reads its arguments. */
export function parseCommandLine(registry: readonly Command[], line: string): Invocation | null {
  const split = splitCommandLine(line);
  if (!split) return null;
  const command = findCommand(registry, split.name);
  if (!command) return { command: split.name, args: {} };
  if (command.kind === 'single') {
    return { command: command.name, args: assignPositional(command.options, split.rest) };
  }
  const [first] = tokenize(split.rest);
  const subName = first?.value ?? '';
  const sub: Subcommand | undefined = command.subcommands.find((candidate) => candidate.name === subName.toLowerCase());
  if (!sub) {
    const names = command.subcommands.map((candidate) => candidate.name).join(', ');
    throw new UserError(
      subName
        ? `/${command.name} has no '${subName}' — try one of: ${names}`
        : `/${command.name} needs one of: ${names}`,
    );
  }
  const rest = first ? split.rest.slice(first.start + subName.length).replace(/^"/, '') : '';
  return { command: command.name, subcommand: sub.name, args: assignPositional(sub.options, rest) };
}
