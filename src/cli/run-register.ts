import type { Config } from '../config.js';
import type { Io } from '../main.js';
import { openStores } from '../store/open.js';
import { COMMANDS } from '../../commands/index.js';
import { runRegisterCommands } from './register-commands.js';

/** `newsbrief register-commands`: the only subcommand besides `start` that loads discord.js. */
export async function runRegisterCommandsWithDb(config: Config, argv: string[], io: Io): Promise<number> {
  const opened = await openStores({ databaseUrl: config.DATABASE_URL, databasePath: config.DATABASE_PATH });
  try {
    const deps = {
      token: config.DISCORD_TOKEN,
      apiRoot: config.DISCORD_API_ROOT,
      commands: COMMANDS,
      hashes: opened.stores.meta,
    };
    return await runRegisterCommands(argv, io, deps);
  } finally {
    await opened.close();
  }
}
