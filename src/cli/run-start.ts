import { logLevelFor, type Config } from '../config.js';
import { createLogger } from '../logger.js';
import { openApp, prepareCatalogue, runBot, type Io } from '../main.js';
import { runConsole } from '../platforms/console/console-platform.js';
import { COMMANDS } from '../../commands/index.js';
import { parseStartRole, START_USAGE } from './start-role.js';

/** `newsbrief start` and `newsbrief console`, loaded only when one of them runs. */

/** `start` with no platform token runs the console; at a terminal its chat owns the screen. */
const isConsoleAtTerminal = (config: Config, io: Io): boolean =>
  !config.DISCORD_TOKEN && !config.TELEGRAM_BOT_TOKEN && io.stdin.isTTY === true;

export async function runStart(config: Config, io: Io, argv: readonly string[] = []): Promise<number> {
  const role = parseStartRole(argv, config);
  if (typeof role !== 'string') {
    io.stderr.write(`newsbrief start: ${role.error}\n${role.usage ? `\n${START_USAGE}` : ''}`);
    return role.usage ? 2 : 1;
  }
  const logger = createLogger({
    level: logLevelFor(config, role === 'all' && isConsoleAtTerminal(config, io)),
    format: config.LOG_FORMAT,
  });
  const exitCode = await runBot(config, logger, io, role);
  // The process ends soon whatever an SDK still holds open (a request to an API that never answers).
  // Here, in the command, not in runBot: a caller running the bot in-process keeps its own process.
  setTimeout(() => process.exit(exitCode), 5000).unref();
  return exitCode;
}

export async function runConsoleCommand(config: Config, io: Io): Promise<number> {
  const logger = createLogger({ level: logLevelFor(config, io.stdin.isTTY === true), format: config.LOG_FORMAT });
  const app = await openApp(config, logger);
  try {
    await prepareCatalogue(app);
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
    await app.close();
  }
}
