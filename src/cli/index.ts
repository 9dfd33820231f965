import { loadConfig, logLevelFor, type Config } from '../config.js';
import { ConfigError } from '../core/errors.js';
import { runDigest } from './digest.js';
import { runExtractCommand } from './extract.js';
import { runIngest } from './ingest.js';
import { createPageFetcher } from './page-fetcher.js';
import { runRegisterCommands } from './register-commands.js';
import { openDatabase } from '../store/database.js';
import { createMetaStore } from '../store/meta-store.js';
import { createLogger } from '../logger.js';
import { openApp, prepareCatalogue, runBot, type Io } from '../main.js';
import { runConsole } from '../platforms/console/console-platform.js';
import { COMMANDS } from '../../commands/index.js';

/** `npx newsbrief <subcommand>`: the operator's command line. */

const USAGE = `Usage: newsbrief <command> [options]

Commands:
  start                      run the bot (console when no platform token is set)
  console                    chat commands on stdin/stdout; with piped input, answer each line and exit
  extract <file|url|-> [--json]   extract one article: headline, quotes and speakers
  ingest --once [--all]      poll due feeds once (--all: every enabled feed) and print a line per feed
  digest [--chat <id>] [--topic <slug>]   preview the digests that would be sent now
  register-commands [--guild <id>]        register Discord slash commands
  help                       this text
`;

type Subcommand = (argv: string[], io: Io) => Promise<number>;

/** `start` with no platform token runs the console; at a terminal its chat owns the screen. */
const isConsoleAtTerminal = (config: Config, io: Io): boolean =>
  !config.DISCORD_TOKEN && !config.TELEGRAM_BOT_TOKEN && io.stdin.isTTY === true;

function withConfig(run: (config: Config, argv: string[], io: Io) => Promise<number>): Subcommand {
  return async (argv, io) => {
    let config: Config;
    try {
      config = loadConfig();
    } catch (error) {
      if (error instanceof ConfigError) {
        io.stderr.write(`newsbrief: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
    return run(config, argv, io);
  };
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  start: withConfig((config, _argv, io) =>
    runBot(
      config,
      createLogger({ level: logLevelFor(config, isConsoleAtTerminal(config, io)), format: config.LOG_FORMAT }),
      io,
    ),
  ),
  console: withConfig(async (config, _argv, io) => {
    const logger = createLogger({ level: logLevelFor(config, io.stdin.isTTY === true), format: config.LOG_FORMAT });
    const app = openApp(config, logger);
    try {
      prepareCatalogue(app);
      // As `npm start` does: the first command finds the due feeds' stories, not an empty database.
      await app.ingest.pollDueFeeds().catch((error: unknown) => logger.error({ err: error }, 'first poll failed'));
      const session = runConsole({
        input: io.stdin,
        output: io.stdout,
        services: app.services,
        commands: COMMANDS,
        logger,
        interactive: io.stdin.isTTY === true,
      });
      await session.done;
      return 0;
    } finally {
      app.close();
    }
  }),
  ingest: withConfig(runIngest),
  digest: withConfig(runDigest),
  extract: withConfig(async (config, argv, io) => {
    const pages = createPageFetcher(config);
    try {
      return await runExtractCommand(argv, io, { fetchPage: pages.fetchPage });
    } finally {
      await pages.close();
    }
  }),
  'register-commands': withConfig(async (config, argv, io) => {
    const db = openDatabase(config.DATABASE_PATH);
    try {
      const deps = {
        token: config.DISCORD_TOKEN,
        apiRoot: config.DISCORD_API_ROOT,
        commands: COMMANDS,
        hashes: createMetaStore(db),
      };
      return await runRegisterCommands(argv, io, deps);
    } finally {
      db.close();
    }
  }),
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [name = 'start', ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(USAGE);
    return 0;
  }
  const subcommand = SUBCOMMANDS[name];
  if (!subcommand) {
    io.stderr.write(`newsbrief: unknown command '${name}'\n\n${USAGE}`);
    return 2;
  }
  try {
    return await subcommand(rest, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`newsbrief: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`newsbrief: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
