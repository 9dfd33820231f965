import { Routes, type REST } from 'discord.js';
import type { Command } from '../../core/command.js';
import type { Logger } from '../../core/ports.js';
import { applicationCommandsOf, definitionsHash } from './command-definitions.js';

/** Where the hash of the last registered definitions is kept (the meta table). */
export interface HashStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

const hashKey = (applicationId: string): string => `discord.commands.${applicationId}`;

/** The application id behind the bot token. */
export async function fetchApplicationId(rest: REST): Promise<string> {
  const application = (await rest.get(Routes.currentApplication())) as { id?: unknown };
  if (typeof application.id !== 'string')
    throw new Error('Discord did not say which application this token belongs to');
  return application.id;
}

/**
 * Registers every command in one bulk overwrite: globally, or in one guild (where changes show
 * at once — handy while testing). A global registration remembers its hash in `hashes`.
 */
export async function registerDiscordCommands(options: {
  rest: REST;
  applicationId: string;
  registry: readonly Command[];
  guildId?: string;
  hashes?: HashStore;
  /** Remove the commands instead (a guild's test registration, once the global one is live). */
  clear?: boolean;
}): Promise<number> {
  const { rest, applicationId, registry, guildId, hashes } = options;
  const definitions = options.clear ? [] : applicationCommandsOf(registry);
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  await rest.put(route, { body: definitions });
  if (!guildId && !options.clear) await hashes?.set(hashKey(applicationId), definitionsHash(definitions));
  return definitions.length;
}

/** At start-up: registers globally only when the definitions differ from the last registration. */
export async function registerIfChanged(options: {
  rest: REST;
  applicationId: string;
  registry: readonly Command[];
  hashes: HashStore;
  logger: Logger;
}): Promise<boolean> {
  const { applicationId, registry, hashes, logger } = options;
  const hash = definitionsHash(applicationCommandsOf(registry));
  if ((await hashes.get(hashKey(applicationId))) === hash) return false;
  const count = await registerDiscordCommands(options);
  logger.info({ count }, 'discord commands registered');
  return true;
}
