import type { DiscordAPIError as DiscordApiError } from 'discord.js';
import type { Command } from '../core/command.js';
import type { HashStore } from '../platforms/discord/register.js';

/**
 * `npx newsbrief register-commands [--guild <id>]`: puts the slash commands on Discord in one
 * bulk overwrite. Globally by default (Discord may take a while to show changes everywhere);
 * with --guild, in that server only, where they appear at once.
 */

export interface RegisterCommandsDeps {
  /** DISCORD_TOKEN. */
  token: string | undefined;
  /** DISCORD_API_ROOT. */
  apiRoot?: string;
  commands: readonly Command[];
  /** The meta table: a global registration is remembered, so start-up does not repeat it. */
  hashes?: HashStore;
}

interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = `Usage: newsbrief register-commands [--guild <server id> [--clear]]
  --guild <id>   register in one server only, where the commands show at once
  --clear        with --guild: remove that server's own copy (once the global commands are live)
`;

interface Args {
  guildId?: string;
  clear?: boolean;
  help?: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  const parsed: Args = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg === '--clear') parsed.clear = true;
    else if (arg === '--guild' || arg.startsWith('--guild=')) {
      const value = arg === '--guild' ? argv[++index] : arg.slice('--guild='.length);
      if (!value || !/^\d{5,25}$/.test(value))
        return '--guild needs a server id (a number: right-click the server › Copy Server ID)';
      parsed.guildId = value;
    } else return `unknown argument '${arg}'`;
  }
  if (parsed.clear && !parsed.guildId)
    return '--clear needs --guild <id>: the global commands are replaced by the next registration';
  return parsed;
}

export async function runRegisterCommands(
  argv: readonly string[],
  io: Output,
  deps: RegisterCommandsDeps,
): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`newsbrief register-commands: ${args}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (!deps.token) {
    io.stderr.write('newsbrief register-commands: DISCORD_TOKEN is not set (see docs/platforms.md).\n');
    return 1;
  }
  // discord.js is loaded only now: usage and a missing token are answered without it.
  const [{ DiscordAPIError, REST }, { fetchApplicationId, registerDiscordCommands }] = await Promise.all([
    import('discord.js'),
    import('../platforms/discord/register.js'),
  ]);
  const api = deps.apiRoot?.replace(/\/+$/, '');
  const rest = new REST({ ...(api ? { api } : {}), retries: 1 }).setToken(deps.token);
  try {
    const applicationId = await fetchApplicationId(rest);
    const count = await registerDiscordCommands({
      rest,
      applicationId,
      registry: deps.commands,
      ...(args.guildId ? { guildId: args.guildId } : {}),
      ...(deps.hashes ? { hashes: deps.hashes } : {}),
      clear: args.clear === true,
    });
    io.stdout.write(
      args.clear
        ? `Removed the commands registered in server ${args.guildId}; the global ones remain.\n`
        : args.guildId
          ? `Registered ${count} commands in server ${args.guildId}; they are usable there now.\n`
          : `Registered ${count} commands globally; Discord may take a few minutes to show them everywhere.\n`,
    );
    return 0;
  } catch (error) {
    io.stderr.write(`newsbrief register-commands: ${explain(error, DiscordAPIError)}\n`);
    return 1;
  }
}

function explain(error: unknown, DiscordAPIError: typeof DiscordApiError): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return 'Discord refused the token (401). Check DISCORD_TOKEN.';
    if (error.code === 50001)
      return 'the bot is not in that server, or lacks the applications.commands scope: invite it again with the URL in docs/platforms.md.';
    return `Discord refused the commands (${error.status} ${String(error.code)}): ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
