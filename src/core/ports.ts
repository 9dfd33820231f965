import type {
  AuditEntry,
  Chat,
  ChatId,
  ChatRef,
  CommunityId,
  Feed,
  Platform,
  Subscription,
  SubscriptionStyle,
  Topic,
} from './domain.js';
import type { Digest } from './reply.js';

/**
 * Ports: the small interfaces the core needs from the outside world. Implementations live in
 * src/store (SQLite), src/ingest, src/platforms; tests pass fakes that implement the same shape.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The subset of pino the code uses, so tests can pass a recording logger. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface NewTopic {
  slug: string;
  name: string;
  description?: string;
  communityId: CommunityId | null;
  /** The private chat a personal topic belongs to (then communityId is null). */
  ownerChatId?: ChatId | null;
  includeKeywords?: string[];
  excludeKeywords?: string[];
}

/** Topics: global ones (communityId null) and each community's own. */
export interface TopicStore {
  /** The topics a chat in `communityId` can see: global ones and that community's, by slug. Never personal ones. */
  listVisible(communityId: CommunityId | null): Topic[];
  /** Community topic first, then global. Never a personal one. */
  findVisible(slug: string, communityId: CommunityId | null): Topic | null;
  /** The personal topics of a private chat (its own feeds), by slug. */
  listPersonal(chatId: ChatId): Topic[];
  get(id: number): Topic | null;
  create(topic: NewTopic): Topic;
  update(
    id: number,
    changes: Partial<Pick<Topic, 'name' | 'description' | 'includeKeywords' | 'excludeKeywords'>>,
  ): Topic;
  delete(id: number): void;
  feedCount(topicId: number): number;
  /** Topics whose feed list contains the feed. */
  topicsOfFeed(feedId: number): Topic[];
}

export interface FeedStore {
  get(id: number): Feed | null;
  findByUrl(url: string): Feed | null;
  /** Insert the feed if its URL is new; returns the stored row either way. */
  ensure(url: string, options?: { title?: string | null; fromCatalogue?: boolean }): Feed;
  attach(topicId: number, feedId: number, addedBy: string): void;
  detach(topicId: number, feedId: number): void;
  listForTopic(topicId: number): Feed[];
  listAll(): Feed[];
  /** Changes the poll bookkeeping fields of a feed. */
  update(id: number, changes: Partial<Omit<Feed, 'id' | 'url'>>): Feed;
  /** Feeds no topic uses any more are removed (their stories stay, for dedup memory). */
  deleteOrphans(): number;
}

export interface ChatStore {
  /** Records the chat (or refreshes its title/kind/community) and returns it. */
  ensure(ref: ChatRef): Chat;
  get(id: ChatId): Chat | null;
  setTimezone(id: ChatId, timezone: string): void;
  pause(id: ChatId, reason: string, at: Date): void;
  resume(id: ChatId): void;
  /** Telegram group → supergroup: every row that names the old id moves to the new one. */
  rename(oldId: ChatId, newId: ChatId): void;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'at'> & { at?: string }): void;
  list(options?: { communityId?: CommunityId | null; limit?: number }): AuditEntry[];
}

/** What a chat asks for when it subscribes to a topic. */
export interface NewSubscription {
  chatId: ChatId;
  topicId: number;
  schedule: string;
  timezone: string;
  cap: number;
  nextRunAt: string | null;
  /** How its digests look; a new subscription without one takes DEFAULT_STYLE, an existing one keeps its own. */
  style?: SubscriptionStyle;
}

/** A due subscription with what the digest job needs of its chat and topic. */
export interface DueSubscription extends Subscription {
  topic: { slug: string; name: string };
  chat: { platform: Platform; pausedAt: string | null };
}

/** Subscriptions: chat × topic × schedule × timezone × cap, found when due by their stored next run. */
export interface SubscriptionStore {
  /**
   * Creates the subscription — its watermark at the newest stored story, so it starts with what
   * arrives next — or changes schedule, timezone, cap and next run of the existing one.
   */
  save(subscription: NewSubscription): { subscription: Subscription; created: boolean };
  find(chatId: ChatId, topicId: number): Subscription | null;
  listForChat(chatId: ChatId): Subscription[];
  remove(chatId: ChatId, topicId: number): boolean;
  /**
   * Subscriptions whose next run is at or before `now`, oldest first; only chats of these platforms
   * when given. Read lazily, one row at a time, so a caller keeping less than the whole row holds
   * less than every row at once; finish (or leave) the iteration before using the store again.
   */
  due(now: Date, platforms?: readonly Platform[]): Iterable<DueSubscription>;
  setNextRun(id: number, nextRunAt: string | null): void;
  /** Moves the chat's subscriptions that are in timezone `from` to `to`, each with its new next run. */
  retime(chatId: ChatId, from: string, to: string, nextRunAt: (subscription: Subscription) => string | null): number;
}

/** Platform-specific message ready to send (an opaque JSON-serialisable body), e.g. one Telegram message. */
export interface OutgoingMessage {
  platform: Platform;
  body: unknown;
  /**
   * Set by the outbox when it sends: the same for every attempt of one planned message, across
   * restarts. A platform that can deduplicate uses it (Discord: a nonce with enforce_nonce).
   */
  idempotencyKey?: string;
}

export type SendResult =
  | { ok: true }
  /** Wait at least this long before the next call to that chat; the message is kept. */
  | { ok: false; kind: 'rate-limited'; retryAfterMs: number; error: string }
  /** 5xx, timeout, network: back off and try again, the message is kept. */
  | { ok: false; kind: 'transient'; error: string }
  /**
   * The platform refused this message for what it is (too long, bad markup, an invalid form):
   * sending it again cannot help. The message fails; the chat's next messages go on.
   */
  | { ok: false; kind: 'refused'; error: string }
  /** Blocked, kicked, chat deleted, access lost: pause the chat. */
  | { ok: false; kind: 'permanent'; error: string }
  /** Telegram group upgraded to a supergroup: move the chat and try again there. */
  | { ok: false; kind: 'migrated'; newChatId: ChatId; error: string };

/** What a platform offers the delivery worker. */
export interface Messenger {
  readonly platform: Platform;
  /** Splits a digest into the platform's messages, between entries, never inside one. */
  renderDigest(digest: Digest): OutgoingMessage[];
  /** Sends one message. Never throws for platform errors: classifies them instead. */
  send(chatId: ChatId, message: OutgoingMessage): Promise<SendResult>;
  /** Tells the chat's moderators (where there is a place to) that deliveries were paused. */
  notifyPaused?(chat: Chat, reason: string): Promise<void>;
}
