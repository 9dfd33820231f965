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
 * src/store (SQLite, and PostgreSQL in src/store/postgres), src/ingest, src/platforms; tests pass
 * fakes that implement the same shape. Store ports are asynchronous (DESIGN.md): every store
 * method returns a Promise, whichever backend is behind it.
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
  listVisible(communityId: CommunityId | null): Promise<Topic[]>;
  /** Community topic first, then global. Never a personal one. */
  findVisible(slug: string, communityId: CommunityId | null): Promise<Topic | null>;
  /** The personal topics of a private chat (its own feeds), by slug. */
  listPersonal(chatId: ChatId): Promise<Topic[]>;
  get(id: number): Promise<Topic | null>;
  create(topic: NewTopic): Promise<Topic>;
  update(
    id: number,
    changes: Partial<Pick<Topic, 'name' | 'description' | 'includeKeywords' | 'excludeKeywords'>>,
  ): Promise<Topic>;
  delete(id: number): Promise<void>;
  feedCount(topicId: number): Promise<number>;
  /** Topics whose feed list contains the feed. */
  topicsOfFeed(feedId: number): Promise<Topic[]>;
}

export interface FeedStore {
  get(id: number): Promise<Feed | null>;
  findByUrl(url: string): Promise<Feed | null>;
  /** Insert the feed if its URL is new; returns the stored row either way. */
  ensure(url: string, options?: { title?: string | null; fromCatalogue?: boolean }): Promise<Feed>;
  attach(topicId: number, feedId: number, addedBy: string): Promise<void>;
  detach(topicId: number, feedId: number): Promise<void>;
  listForTopic(topicId: number): Promise<Feed[]>;
  listAll(): Promise<Feed[]>;
  /**
   * Takes a due feed for this process to poll: when it is enabled and due at `now`, its next poll
   * moves to `leaseUntil` and the feed is returned (with that lease); otherwise (another process took it,
   * it was polled meanwhile, removed, disabled) null. The poll then sets the real next time; a
   * process that dies mid-poll leaves the lease, and the feed is due again when it ends.
   */
  claim(id: number, now: Date, leaseUntil: Date): Promise<Feed | null>;
  /** Changes the poll bookkeeping fields of a feed. */
  update(id: number, changes: Partial<Omit<Feed, 'id' | 'url'>>): Promise<Feed>;
  /** Feeds no topic uses any more are removed (their stories stay, for dedup memory). */
  deleteOrphans(): Promise<number>;
}

export interface ChatStore {
  /** Records the chat (or refreshes its title/kind/community) and returns it. */
  ensure(ref: ChatRef): Promise<Chat>;
  get(id: ChatId): Promise<Chat | null>;
  setTimezone(id: ChatId, timezone: string): Promise<void>;
  pause(id: ChatId, reason: string, at: Date): Promise<void>;
  resume(id: ChatId): Promise<void>;
  /** Telegram group → supergroup: every row that names the old id moves to the new one. */
  rename(oldId: ChatId, newId: ChatId): Promise<void>;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'at'> & { at?: string }): Promise<void>;
  list(options?: { communityId?: CommunityId | null; limit?: number }): Promise<AuditEntry[]>;
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

/**
 * One of `of` parts of the chats, so that several processes can plan digests side by side: every
 * chat is in exactly one part (all its subscriptions with it), the same one on every call.
 */
export interface DuePart {
  index: number;
  of: number;
}

/** Subscriptions: chat × topic × schedule × timezone × cap, found when due by their stored next run. */
export interface SubscriptionStore {
  /**
   * Creates the subscription — its watermark at the newest stored story, so it starts with what
   * arrives next — or changes schedule, timezone, cap and next run of the existing one.
   */
  save(subscription: NewSubscription): Promise<{ subscription: Subscription; created: boolean }>;
  find(chatId: ChatId, topicId: number): Promise<Subscription | null>;
  listForChat(chatId: ChatId): Promise<Subscription[]>;
  remove(chatId: ChatId, topicId: number): Promise<boolean>;
  /**
   * Subscriptions whose next run is at or before `now`, oldest first; only chats of these platforms
   * when given. Read a page at a time (keyset on next run and id), so a caller keeping less than the
   * whole row holds less than every row at once, and never all rows of a large run together. The
   * store may be used between rows; rows changed meanwhile may or may not be seen.
   */
  due(now: Date, platforms?: readonly Platform[], part?: DuePart): AsyncIterable<DueSubscription>;
  setNextRun(id: number, nextRunAt: string | null): Promise<void>;
  /** Moves the chat's subscriptions that are in timezone `from` to `to`, each with its new next run. */
  retime(
    chatId: ChatId,
    from: string,
    to: string,
    nextRunAt: (subscription: Subscription) => string | null,
  ): Promise<number>;
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
  /**
   * Wait at least this long before the next call to that chat; the message is kept. `scope`: what
   * the platform said the limit covers, that chat alone or every send of the platform (the
   * default, when the platform does not say).
   */
  | { ok: false; kind: 'rate-limited'; retryAfterMs: number; error: string; scope?: 'chat' | 'platform' }
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
