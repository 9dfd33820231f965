import type { FeedErrorKind, Topic } from './domain.js';

/** What one poll of one feed came to (a line of `newsbrief ingest --once`). */
export type FeedPollResult = {
  feedId: number;
  url: string;
  title: string | null;
} & (
  | { outcome: 'updated'; newStories: number; items: number; firstPoll: boolean }
  | { outcome: 'not-modified' }
  | { outcome: 'failed'; errorKind: FeedErrorKind; error: string; disabled: boolean; nextPollAt: string | null }
);

/** Polls every due feed once (with `all`, every enabled feed whatever its schedule). Never throws per feed. */
export type PollDueFeeds = (options?: PollOptions) => Promise<FeedPollResult[]>;

export interface PollOptions {
  all?: boolean;
  /** Told how many feeds are due (done 0) and then after each feed: the operator's progress line. */
  progress?: (done: number, total: number) => void;
}

/** The result of checking a URL a moderator wants to add. */
export type FeedCheck =
  | {
      ok: true;
      /** The feed's own URL: the one given, or the one discovered from the page given. */
      feedUrl: string;
      title: string | null;
      itemCount: number;
      /** Set when `url` was a page whose <link rel="alternate"> led to the feed. */
      discoveredFrom: string | null;
      /** Opaque ids of the items the check saw: the feed's baseline if it is added now. */
      baseline: string[];
    }
  | { ok: false; errorKind: FeedErrorKind; reason: string };

/** One feed entry of an OPML document. */
export interface OpmlFeed {
  url: string;
  title: string | null;
  /** The outline's category: its `category` attribute's last segment, else the folder it sits in; null when none. */
  category: string | null;
  /** The text of the folder outline it sits in, a readable topic name; null at the top level. */
  folder: string | null;
}

/** A topic and its feeds, for OPML export. */
export interface OpmlTopic {
  topic: Topic;
  feeds: { url: string; title: string | null }[];
}

/**
 * What the feed-management commands need from ingestion: checking a URL (with the same fetch
 * limits and address guard as polling), reading and writing OPML.
 */
export interface FeedTools {
  /** Fetches `url`; when it is a page rather than a feed, follows its <link rel="alternate">. */
  checkFeed(url: string): Promise<FeedCheck>;
  /**
   * Records a check's items as a feed's baseline: its first poll stores them without pushing them
   * to digests, and pushes whatever else it finds. For a feed not polled yet.
   */
  adoptBaseline(feedId: number, baseline: readonly string[]): Promise<void>;
  /** Fetches an OPML document (a URL or an attachment's URL) and lists its feeds. Throws a UserError. */
  readOpml(url: string): Promise<OpmlFeed[]>;
  /** Lists the feeds of an OPML document's text. Throws a UserError when it is not OPML. */
  // These two may be async: the app loads the OPML (and feed) code on first use, not at start.
  parseOpml(text: string): OpmlFeed[] | Promise<OpmlFeed[]>;
  renderOpml(title: string, topics: readonly OpmlTopic[]): string | Promise<string>;
}
