import type { Command } from './command.js';
import type { AuditLog, ChatStore, Clock, FeedStore, Logger, TopicStore } from './ports.js';

/** Settings the commands need from the configuration. */
export interface CommandSettings {
  /** IANA timezone for chats that set none. */
  defaultTimezone: string;
}

/**
 * Everything a command may use: ports and core services, passed in by src/main.ts.
 * Commands reach the outside world only through these.
 */
export interface Services {
  settings: CommandSettings;
  clock: Clock;
  logger: Logger;
  /** The command registry, for /help. */
  commands: readonly Command[];
  topics: TopicStore;
  feeds: FeedStore;
  chats: ChatStore;
  audit: AuditLog;
}
