import type { ChatId, DigestFormat, Quote } from './domain.js';

/**
 * Neutral replies and messages. Commands and the digest builder return these; each platform
 * renders them (Discord embeds, Telegram HTML, console text). All strings are plain text:
 * renderers escape them, so feed-supplied text can never inject markup or mentions.
 */

/** One story (or one cluster of the same story) as shown in a digest or /latest. */
export interface StoryEntry {
  /** Story ids this entry stands for (the cluster's members that were selected). */
  storyIds: number[];
  headline: string;
  url: string | null;
  source: string;
  /** ISO time the story was published (or arrived, when the feed gave no date). */
  time: string;
  /** Other outlets that carried the same story. */
  alsoCoveredBy: string[];
  /** At most 3, best first (2 unless a subscription asks for more). */
  quotes: Quote[];
  /**
   * The story's lead image (og:image, media:thumbnail, an image enclosure), or null when it has none
   * or the subscription turned images off. Only the address: the platform fetches it.
   */
  imageUrl?: string | null;
}

/**
 * How a section is shown, and how a message carrying it is sent: its subscription's settings.
 * Absent means the defaults (full format, no previews, a notification, no mention).
 */
export interface SectionStyle {
  format: DigestFormat;
  previews: boolean;
  silent: boolean;
  /** The one Discord role a message with this section may ping. */
  mentionRoleId: string | null;
}

export interface DigestSection {
  topicSlug: string;
  topicName: string;
  entries: StoryEntry[];
  /** Stories left out by the cap: rendered as "+K more — /latest <topic>". */
  more: number;
  style?: SectionStyle;
}

export interface Digest {
  chatId: ChatId;
  title: string;
  /** IANA timezone the times are shown in. */
  timezone: string;
  sections: DigestSection[];
}

/** A button that runs a command when pressed (Telegram inline keyboard, Discord buttons). */
export interface ReplyChoice {
  label: string;
  /** Command line the choice runs, e.g. `/subscribe world`. */
  command: string;
}

export type Reply =
  | {
      kind: 'text';
      /** Optional heading, rendered bold. */
      title?: string;
      /** Plain text; lines separated by \n. */
      text: string;
      /** Visible only to the caller where the platform allows it (Discord ephemeral). */
      ephemeral?: boolean;
      choices?: ReplyChoice[];
      /**
       * A panel (/settings): when it answers one of its own buttons, it replaces the message the
       * button was on rather than adding a new one.
       */
      replacesPanel?: boolean;
    }
  | { kind: 'stories'; title: string; entries: StoryEntry[]; footer?: string; timezone: string }
  | { kind: 'digest'; digest: Digest }
  | { kind: 'error'; message: string };

export const textReply = (text: string, extra: { title?: string; ephemeral?: boolean } = {}): Reply => ({
  kind: 'text',
  text,
  ...extra,
});

export const errorReply = (message: string): Reply => ({ kind: 'error', message });
