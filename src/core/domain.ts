/**
 * Domain types shared by every part of newsbrief. Plain data: no behaviour, no SDKs.
 *
 * Identifiers: a chat is `discord:<channelId>`, `telegram:<chatId>` or `console:<name>`;
 * a community is `discord:<guildId>` / `telegram:<chatId>`.
 */

/** Every platform a chat may be on (its chat ids start with the platform and a colon). */
export const PLATFORMS = ['discord', 'telegram', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** `discord:<channelId>`, `telegram:<chatId>` or `console:<name>`. */
export type ChatId = string;
/** `discord:<guildId>` or `telegram:<chatId>`; null for private chats and the console. */
export type CommunityId = string;

export type ChatKind = 'private' | 'group' | 'channel' | 'thread';

/** Where a message goes and whose rules apply there. */
export interface ChatRef {
  id: ChatId;
  platform: Platform;
  kind: ChatKind;
  /** The guild or group the chat belongs to; null for a private chat or the console. */
  communityId: CommunityId | null;
  title?: string;
}

/** The person who sent a command. */
export interface Actor {
  /** `discord:<userId>`, `telegram:<userId>` or `console:operator`. */
  id: string;
  displayName: string;
  /** Operator of the whole process (configured ids, or the local console user). */
  isOperator: boolean;
  /** Moderator of the community the command came from (Manage Server / role / chat administrator). */
  isModerator: boolean;
  /** May manage this chat's subscriptions (Discord Manage Channels, Telegram admin, own private chat). */
  canManageChat: boolean;
}

export interface Topic {
  id: number;
  /** Lower-case, hyphenated, unique within its owner. */
  slug: string;
  name: string;
  description: string;
  /** null for a global topic (operator's) or a personal one, else the owning community. */
  communityId: CommunityId | null;
  /**
   * Set for a personal topic: the private chat whose person followed a feed address directly
   * (`/subscribe <url>`). No other chat sees it; it holds that one feed.
   */
  ownerChatId: ChatId | null;
  /** Words a story must mention (any of them) to belong to the topic; empty = no narrowing. */
  includeKeywords: string[];
  /** Words that keep a story out of the topic. */
  excludeKeywords: string[];
}

export type FeedErrorKind =
  'timeout' | 'http-status' | 'too-large' | 'not-a-feed' | 'refused-address' | 'network' | 'too-many-redirects';

export interface Feed {
  id: number;
  /** http(s) URL, or a local file path for the operator's catalogue only. */
  url: string;
  title: string | null;
  enabled: boolean;
  etag: string | null;
  lastModified: string | null;
  /** Set once the first poll stored its items (which are not "new" for digests). */
  firstPolledAt: string | null;
  lastPolledAt: string | null;
  nextPollAt: string | null;
  consecutiveFailures: number;
  lastErrorKind: FeedErrorKind | null;
  lastError: string | null;
  disabledReason: string | null;
  /** True for feeds that come from the operator's sample catalogue (may be local files). */
  fromCatalogue: boolean;
}

/** A direct quotation found in an article. `paragraph` indexes `ExtractedArticle.paragraphs`. */
export interface Quote {
  text: string;
  speaker: string | null;
  paragraph: number;
}

/** What src/extract makes of one article (the `newsbrief extract --json` shape). */
export interface ExtractedArticle {
  headline: string;
  standfirst: string | null;
  byline: string | null;
  /** ISO 8601 or null. */
  publishedAt: string | null;
  topics: string[];
  paragraphs: string[];
  quotes: Quote[];
  /** At most 3, best first. */
  keyQuotes: Quote[];
  /**
   * The page's own lead image (og:image, twitter:image, JSON-LD image), absolute when the page's
   * address was known, http(s) only; null (or absent) when it names none. Not yet checked by the
   * address guard.
   */
  imageUrl?: string | null;
}

/** One news item after ingestion and extraction. */
export interface Story {
  id: number;
  /** Identity within its feed (feed id + guid/id, else canonical link, else hash of title+date). Unique. */
  key: string;
  feedId: number;
  url: string | null;
  headline: string;
  standfirst: string | null;
  byline: string | null;
  /** Outlet name shown in digests (feed title or host). */
  source: string;
  publishedAt: string | null;
  /** When newsbrief stored it (ISO). Digests order and watermark by this. */
  arrivedAt: string;
  tags: string[];
  keyQuotes: Quote[];
  /**
   * The lead image's address (http(s), passed the address guard), or null. Never fetched by
   * newsbrief: the chat platform fetches it when it shows the story.
   */
  imageUrl: string | null;
  /** False when the article page could not be fetched/extracted and the feed summary was kept. */
  enriched: boolean;
  /** False for items stored by a feed's first poll: never pushed in digests, still shown by /latest. */
  eligibleForDigest: boolean;
  clusterId: number | null;
}

/** A preset (`instant`, `hourly`, `daily 08:00`, `weekdays 08:00`, `weekly mon 08:00`) or 5-field cron. */
export type Schedule = string;

/** How a subscription's stories are shown: `full` is headline, key quotes, outlets; `compact` headlines and links. */
export type DigestFormat = 'full' | 'compact';

/**
 * How one subscription's digests look and arrive. The defaults (DEFAULT_STYLE) are the look every
 * subscription had before these settings existed.
 */
export interface SubscriptionStyle {
  format: DigestFormat;
  /** Key quotes per story, 0..3. */
  quotes: number;
  /** Link previews under the message (Telegram). */
  previews: boolean;
  /** Deliver without a notification sound (Telegram disable_notification, Discord @silent). */
  silent: boolean;
  /** Lead images per story; off empties StoryEntry.imageUrl. */
  images: boolean;
  /** A Discord role pinged by each digest (the only mention it may carry); null for none. */
  mentionRoleId: string | null;
}

export const DEFAULT_STYLE: Readonly<SubscriptionStyle> = Object.freeze({
  format: 'full',
  quotes: 2,
  previews: false,
  silent: false,
  images: true,
  mentionRoleId: null,
});

export interface Subscription {
  id: number;
  chatId: ChatId;
  topicId: number;
  schedule: Schedule;
  /** IANA timezone name. */
  timezone: string;
  /** Stories per digest, 1..25. */
  cap: number;
  /** Highest story id already considered for this subscription. */
  watermark: number;
  nextRunAt: string | null;
  createdAt: string;
  style: SubscriptionStyle;
}

export interface Chat {
  id: ChatId;
  platform: Platform;
  kind: ChatKind;
  communityId: CommunityId | null;
  title: string | null;
  timezone: string | null;
  pausedAt: string | null;
  pausedReason: string | null;
}

export interface AuditEntry {
  at: string;
  actorId: string;
  communityId: CommunityId | null;
  chatId: ChatId | null;
  action: string;
  detail: string;
}
