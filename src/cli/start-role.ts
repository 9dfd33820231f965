import type { Config } from '../config.js';
import { ROLES, type Role } from '../main.js';

export const START_USAGE = `Usage: newsbrief start [--role all|gateway|worker]

Runs the bot: Discord and/or Telegram when their tokens are set, else the console.
  --role all       everything in this process (the default; the only role on SQLite)
  --role gateway   with DATABASE_URL: hold the chat platforms and answer commands, nothing else
  --role worker    with DATABASE_URL: poll feeds, plan digests and send them (REST), no chat gateway
`;

/** The role asked for, or the sentence saying what is wrong with the arguments or the keys for it. */
export function parseStartRole(argv: readonly string[], config: Config): Role | { error: string; usage: boolean } {
  let role: Role = 'all';
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const value = arg === '--role' ? argv[++index] : arg.startsWith('--role=') ? arg.slice('--role='.length) : null;
    if (value === null) return { error: `unknown argument ${arg}`, usage: true };
    if (!ROLES.includes(value as Role)) {
      return { error: `--role must be one of ${ROLES.join(', ')} (not ${value ?? 'nothing'})`, usage: true };
    }
    role = value as Role;
  }
  if (role === 'all') return role;
  if (!config.DATABASE_URL) {
    return {
      error: `--role ${role} shares the work with other processes through PostgreSQL: set DATABASE_URL (on SQLite one process does everything: --role all)`,
      usage: false,
    };
  }
  if (!config.DISCORD_TOKEN && !config.TELEGRAM_BOT_TOKEN) {
    const what = role === 'gateway' ? 'answers chats on' : 'sends digests to';
    return {
      error: `--role ${role} ${what} Discord or Telegram: set DISCORD_TOKEN or TELEGRAM_BOT_TOKEN`,
      usage: false,
    };
  }
  return role;
}
