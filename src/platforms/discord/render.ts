import type { APIEmbed } from 'discord.js';
import type { Digest, StoryEntry } from '../../core/reply.js';
import { fitEscaped, fitPlain } from './markdown.js';
import { plainText, safeLinkUrl, truncateUnits } from '../../core/digest/plain-text.js';
import { deliveryFlags, isCompact } from '../../core/digest/delivery-flags.js';
import { compactEmbeds } from './compact.js';

/**
 * Stories and digests as Discord embeds: one embed per story, messages split between stories,
 * within Discord's limits (10 embeds and 6000 embed characters per message, 4096 per
 * description, 256 per title). A digest pings nobody but the one role a moderator attached to
 * its subscription (allowed_mentions lists only that role), whatever a feed's text says. A
 * story's lead image is the embed's thumbnail, not its full-width image: a digest is up to ten
 * embeds in one message, and ten large pictures would push the headlines a screen apart.
 */

export const LIMITS = {
  embedsPerMessage: 10,
  charactersPerMessage: 6000,
  description: 4096,
  title: 256,
  footer: 2048,
  author: 256,
  content: 2000,
} as const;

/** A channel message body as the REST API takes it (JSON-serialisable: it is stored in the outbox). */
export interface DiscordMessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: unknown[];
  /** Never parsed from text; `roles` only for a subscription's mention role. */
  allowed_mentions: { parse: []; roles?: string[] };
  /** SUPPRESS_NOTIFICATIONS for silent delivery. */
  flags?: number;
}

/** What the Discord messenger sends: the message, and a title should the channel be a forum. */
export interface DiscordOutgoing {
  message: DiscordMessageBody;
  /** A forum channel takes posts, not messages: the first part of a digest opens one named so. */
  postTitle?: string;
}

export const NO_MENTIONS = { parse: [] as [] };
/** Discord's "@silent" message flag: delivered without a notification. */
export const SUPPRESS_NOTIFICATIONS = 1 << 12;
const COLOUR = 0x2b6cb0;

/** The characters Discord counts towards a message's 6000. */
export function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function validTimestamp(time: string): string | undefined {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** What an entry's embed says whatever its section: escaped once, however many chats get the entry. */
interface EntryText {
  title: string;
  lines: readonly string[];
  url: string | null;
  source: string;
  timestamp: string | undefined;
  image: string | null;
}

const entryTexts = new WeakMap<StoryEntry, EntryText>();

function entryText(entry: StoryEntry): EntryText {
  const known = entryTexts.get(entry);
  if (known) return known;
  const lines: string[] = [];
  for (const quote of entry.quotes.slice(0, 3)) {
    const text = plainText(quote.text);
    if (!text) continue;
    const speaker = quote.speaker ? plainText(quote.speaker) : '';
    lines.push(`> “${fitEscaped(text, 900)}”${speaker ? `\n> — **${fitEscaped(speaker, 100)}**` : ''}`);
  }
  const covered = entry.alsoCoveredBy.map((name) => plainText(name)).filter(Boolean);
  if (covered.length > 0) {
    const shown = covered.slice(0, 8).map((name) => fitEscaped(name, 80));
    const rest = covered.length - shown.length;
    lines.push(`*Also covered by ${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}*`);
  }
  const text: EntryText = {
    title: fitEscaped(plainText(entry.headline) || 'Untitled', LIMITS.title),
    lines,
    url: safeLinkUrl(entry.url),
    source: plainText(entry.source),
    timestamp: validTimestamp(entry.time),
    image: safeLinkUrl(entry.imageUrl),
  };
  entryTexts.set(entry, text);
  return text;
}

/** One story as an embed; `extra` (already escaped) ends its description. */
export function entryEmbed(entry: StoryEntry, options: { topicName?: string; extra?: string } = {}): APIEmbed {
  const text = entryText(entry);
  const { title, url, source, timestamp, image } = text;
  const lines = options.extra ? [...text.lines, options.extra] : text.lines;
  const footer = fitPlain([options.topicName, source].filter(Boolean).join(' · '), LIMITS.footer);
  return {
    title,
    ...(url ? { url } : {}),
    ...(lines.length > 0 ? { description: truncateUnits(lines.join('\n\n'), LIMITS.description) } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
    ...(timestamp ? { timestamp } : {}),
    ...(image ? { thumbnail: { url: image } } : {}),
    color: COLOUR,
  };
}

/** Packs embeds into messages of at most 10 embeds and 6000 characters; the first carries `content`. */
export function packEmbeds(content: string | undefined, embeds: readonly APIEmbed[]): DiscordMessageBody[] {
  const messages: DiscordMessageBody[] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const next = embedSize(embed);
    if (
      current.length > 0 &&
      (current.length >= LIMITS.embedsPerMessage || size + next > LIMITS.charactersPerMessage)
    ) {
      messages.push({ embeds: current, allowed_mentions: NO_MENTIONS });
      current = [];
      size = 0;
    }
    current.push(embed);
    size += next;
  }
  if (current.length > 0 || messages.length === 0) messages.push({ embeds: current, allowed_mentions: NO_MENTIONS });
  if (content) messages[0] = { content: truncateUnits(content, LIMITS.content), ...messages[0]! };
  return messages.map((message) =>
    message.embeds?.length === 0 ? { content: message.content ?? '\u200b', allowed_mentions: NO_MENTIONS } : message,
  );
}

function digestEmbeds(digest: Digest): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  for (const section of digest.sections) {
    const topicName = fitPlain(section.topicName, 100);
    const more =
      section.more > 0
        ? `*+${section.more} more — /latest ${fitEscaped(plainText(section.topicSlug), 60)}*`
        : undefined;
    if (isCompact(section) && section.entries.length > 0) {
      embeds.push(...compactEmbeds(section, COLOUR, more));
      continue;
    }
    section.entries.forEach((entry, index) => {
      const last = index === section.entries.length - 1;
      const embed = entryEmbed(entry, { topicName, ...(last && more ? { extra: more } : {}) });
      if (index === 0) embed.author = { name: topicName };
      embeds.push(embed);
    });
    if (section.entries.length === 0 && more) {
      embeds.push({ author: { name: topicName }, description: more, color: COLOUR });
    }
  }
  return embeds;
}

/** A digest as Discord messages, each one a forum post's part should the channel be a forum. */
export function renderDiscordDigest(digest: Digest): DiscordOutgoing[] {
  const title = plainText(digest.title) || 'Your digest';
  const flags = deliveryFlags(digest.sections);
  // Role ids are digits by the time they are stored; checked again, as they go out unescaped.
  const roles = flags.mentionRoleIds.filter((id) => /^\d{1,25}$/.test(id));
  const ping = roles.map((id) => `<@&${id}>`).join(' ');
  const content = `${ping ? `${ping}\n` : ''}📰 **${fitEscaped(title, 300)}**`;
  return packEmbeds(content, digestEmbeds(digest)).map((message, index) => ({
    message: {
      ...message,
      // Only the first part carries the ping, so only it may mention the role.
      allowed_mentions: index === 0 && roles.length > 0 ? { parse: [], roles } : NO_MENTIONS,
      ...(flags.silent ? { flags: SUPPRESS_NOTIFICATIONS } : {}),
    },
    postTitle: truncateUnits(title, 100),
  }));
}

/** A list of stories (/latest) as Discord messages. */
export function renderDiscordStories(
  title: string,
  entries: readonly StoryEntry[],
  footer?: string,
): DiscordMessageBody[] {
  const heading = `**${fitEscaped(plainText(title), 300)}**${footer ? `\n*${fitEscaped(plainText(footer), 1000)}*` : ''}`;
  return packEmbeds(
    heading,
    entries.map((entry) => entryEmbed(entry)),
  );
}
