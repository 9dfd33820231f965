import { loadConfig, type Config } from '../config.js';
import { ConfigError } from '../core/errors.js';
import type { Io } from '../main.js';
import { usageText } from './usage.js';

/**
 * `npx newsbrief <subcommand>`: the operator's command line. Each subcommand imports what it needs
 * when it runs, so `--help` loads almost nothing and no subcommand loads an SDK it does not use
 * (only `start` with a token loads discord.js or grammY; only `register-commands` loads discord.js).
 */

type Subcommand = (argv: string[], io: Io) => Promise<number>;

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
  start: withConfig(async (config, argv, io) => (await import('./run-start.js')).runStart(config, io, argv)),
  console: withConfig(async (config, _argv, io) => (await import('./run-start.js')).runConsoleCommand(config, io)),
  deliver: withConfig(async (config, _argv, io) => (await import('./deliver.js')).runDeliver(config, io)),
  ingest: withConfig(async (config, argv, io) => (await import('./ingest.js')).runIngest(config, argv, io)),
  digest: withConfig(async (config, argv, io) => (await import('./digest.js')).runDigest(config, argv, io)),
  extract: withConfig(async (config, argv, io) => {
    const [{ createPageFetcher }, { runExtractCommand }] = await Promise.all([
      import('./page-fetcher.js'),
      import('./extract.js'),
    ]);
    const pages = createPageFetcher(config);
    try {
      return await runExtractCommand(argv, io, { fetchPage: pages.fetchPage });
    } finally {
      await pages.close();
    }
  }),
  migrate: withConfig(async (config, argv, io) => (await import('./migrate.js')).runMigrate(config, argv, io)),
  'register-commands': withConfig(async (config, argv, io) =>
    (await import('./run-register.js')).runRegisterCommandsWithDb(config, argv, io),
  ),
};

/** The subcommands `main` runs; `newsbrief --help` lists each (a test checks). */
export const SUBCOMMAND_NAMES: readonly string[] = Object.keys(SUBCOMMANDS);

export async function main(argv: string[], io: Io): Promise<number> {
  const [name = 'start', ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(usageText());
    return 0;
  }
  const subcommand = SUBCOMMANDS[name];
  if (!subcommand) {
    io.stderr.write(`newsbrief: unknown command '${name}'\n\n${usageText()}`);
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
