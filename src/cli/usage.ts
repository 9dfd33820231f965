/**
 * `newsbrief --help`: every subcommand with its options, descriptions aligned in one column.
 * Each subcommand's own usage text (printed on a bad argument) lists the same options; a test
 * checks that every option there appears here.
 */

interface UsageEntry {
  /** The subcommand and its positional arguments. */
  command: string;
  summary: string;
  options?: readonly (readonly [flag: string, what: string])[];
}

export const USAGE_ENTRIES: readonly UsageEntry[] = [
  {
    command: 'start',
    summary: 'run the bot (the console when no platform token is set)',
    options: [
      ['--role all', 'everything in this process (the default; the only role on SQLite)'],
      ['--role gateway', 'with DATABASE_URL: the chat platforms and commands only'],
      ['--role worker', 'with DATABASE_URL: feeds, digests and sending (REST), no gateway'],
    ],
  },
  { command: 'console', summary: 'chat commands on stdin/stdout; with piped input, answer each line and exit' },
  {
    command: 'deliver',
    summary: 'only send the outbox, beside other processes (DATABASE_URL, REDIS_URL), until SIGTERM',
  },
  {
    command: 'extract <file|url|->',
    summary: 'extract one article: headline, standfirst, quotes and speakers',
    options: [['--json', 'print the extracted article as JSON']],
  },
  {
    command: 'ingest --once',
    summary: 'poll due feeds once and print a line per feed',
    options: [['--all', 'every enabled feed, whatever its schedule']],
  },
  {
    command: 'digest',
    summary: 'preview the digests that would be sent now (nothing is sent)',
    options: [
      ['--chat <id>', 'only this chat (telegram:-1001234, discord:123456789012345678)'],
      ['--topic <slug>', "only this topic's section"],
    ],
  },
  {
    command: 'register-commands',
    summary: 'register the Discord slash commands (globally unless --guild)',
    options: [
      ['--guild <id>', 'in one server only, where the commands show at once'],
      ['--clear', "with --guild: remove that server's own copy of the commands"],
    ],
  },
  {
    command: 'migrate',
    summary: 'bring the PostgreSQL database (DATABASE_URL) to the current schema',
    options: [['--from-sqlite <file>', 'then copy that SQLite database into it (an empty schema)']],
  },
  { command: 'help', summary: 'this text (also --help, -h)' },
];

/** The whole help text; descriptions start in one column, options indented under their command. */
export function usageText(): string {
  const rows: [string, string][] = [];
  for (const entry of USAGE_ENTRIES) {
    rows.push([`  ${entry.command}`, entry.summary]);
    for (const [flag, what] of entry.options ?? []) rows.push([`      ${flag}`, what]);
  }
  const width = Math.max(...rows.map(([left]) => left.length)) + 3;
  const lines = rows.map(([left, right]) => left.padEnd(width) + right);
  return `Usage: newsbrief <command> [options]   (no command: start)\n\nCommands:\n${lines.join('\n')}\n`;
}
