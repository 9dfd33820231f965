import type { Config } from '../config.js';
import type { Io } from '../main.js';
import { createMetaStore } from '../store/meta-store.js';
import { openDatabase } from '../store/database.js';
import { COMMANDS } from '../../commands/index.js';
import { runRegisterCommands } from './register-commands.js';

/** `newsbrief register-commands`: the only subcommand besides `start` that loads discord.js. */
export async function runRegisterCommandsWithDb(config: Config, argv: string[], io: Io): Promise<number> {
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
}
