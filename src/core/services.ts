import type { Command } from './command.js';
import type { DigestActions } from './digest/ports.js';
import type { AuditLog, ChatStore, Clock, FeedStore, Logger, SubscriptionStore, TopicStore } from './ports.js';
import type { ScheduleCalendar } from './schedule.js';
import type { FeedTools } from './ingest-port.js';
import type { StoryStore } from './story-port.js';

/** Settings the commands need from the configuration. */
export interface CommandSettings {
  /** IANA timezone for chats that set none. */
  defaultTimezone: string;
  /** Stories per digest for a new subscription (DIGEST_DEFAULT_CAP). */
  defaultDigestCap: number;
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
  /** Stored stories: /latest, digests. */
  stories: StoryStore;
  /** Checking a feed URL (with discovery) and OPML import/export, for /feed add, /import, /export. */
  feedTools: FeedTools;
  /** Chats' subscriptions to topics. */
  subscriptions: SubscriptionStore;
  /** When a schedule next runs, in a timezone. */
  schedules: ScheduleCalendar;
  /** Digest preview and send-now, pausing and resuming a chat's deliveries. */
  digests: DigestActions;
  /**
   * Runs `work` as one database transaction: all of it or none. Store calls awaited inside it
   * write in it; a nested call becomes a savepoint.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}
