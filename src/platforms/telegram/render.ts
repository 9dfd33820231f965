import { formatTime } from '../../core/format-time.js';
import type { Digest, DigestSection, StoryEntry } from '../../core/reply.js';
import { deliveryFlags, isCompact } from '../../core/digest/delivery-flags.js';
import { bold, escapeHtml, italic, link, TELEGRAM_TEXT_LIMIT } from './html.js';
import { plainText, safeLinkUrl, truncateUnits } from '../../core/digest/plain-text.js';

/**
 * Stories and digests as Telegram HTML messages: split between entries, never inside one, each
 * message within 4096 characters. Link previews are off (a digest's links would all fight for
 * one preview) unless the subscription turned them on, except for the top story's lead image: the
 * first message previews that image, large and above the text, like a front page. A link preview
 * rather than a photo message keeps one message of HTML up to 4096 characters (a photo's caption
 * holds 1024), and an image Telegram cannot fetch just leaves the message without a preview
 * instead of failing the send.
 */

/** A link preview: off, or the preview of `url` (which need not appear in the text). */
export type TelegramLinkPreview =
  { is_disabled: boolean } | { url: string; prefer_large_media?: boolean; show_above_text?: boolean };

/** One sendMessage call's options and text, JSON-serialisable (it is stored in the outbox). */
export interface TelegramMessageBody {
  text: string;
  parse_mode: 'HTML';
  link_preview_options: TelegramLinkPreview;
  /** Silent delivery: the message arrives without a sound. */
  disable_notification?: boolean;
  reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
}

export const htmlMessage = (text: string): TelegramMessageBody => ({
  text,
  parse_mode: 'HTML',
  link_preview_options: { is_disabled: true },
});

interface Budget {
  headline: number;
  quote: number;
  quotes: number;
  covered: number;
}

// Tried in order until the entry fits: feed text can be long, and escaping can make it longer.
const BUDGETS: readonly Budget[] = [
  { headline: 300, quote: 600, quotes: 3, covered: 8 },
  { headline: 200, quote: 280, quotes: 2, covered: 4 },
  { headline: 120, quote: 140, quotes: 1, covered: 2 },
  { headline: 100, quote: 0, quotes: 0, covered: 0 },
];

/** The largest an entry (with its section heading) may be, leaving room for a message header. */
const ENTRY_LIMIT = 3200;
const MAX_URL = 2048;

function renderEntryWith(entry: StoryEntry, timezone: string, budget: Budget, withLink: boolean): string {
  const headline = truncateUnits(plainText(entry.headline), budget.headline) || 'Untitled';
  const url = withLink ? safeLinkUrl(entry.url) : null;
  const lines = [`<b>${link(headline, url && url.length <= MAX_URL ? url : null)}</b>`];
  const meta = [truncateUnits(plainText(entry.source), 80), formatTime(entry.time, timezone)]
    .filter(Boolean)
    .join(' · ');
  if (meta) lines.push(italic(meta));
  for (const quote of entry.quotes.slice(0, budget.quotes)) {
    const text = truncateUnits(plainText(quote.text), budget.quote);
    if (!text) continue;
    const speaker = quote.speaker ? plainText(quote.speaker) : '';
    const by = speaker ? `\n— ${italic(truncateUnits(speaker, 80))}` : '';
    lines.push(`<blockquote>“${escapeHtml(text)}”${by}</blockquote>`);
  }
  const covered = entry.alsoCoveredBy.map((name) => truncateUnits(plainText(name), 60)).filter(Boolean);
  if (covered.length > 0 && budget.covered > 0) {
    const shown = covered.slice(0, budget.covered);
    const rest = covered.length - shown.length;
    lines.push(italic(`Also covered by ${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`));
  }
  return lines.join('\n');
}

/** Entries already rendered, by zone and limit: a digest run gives one entry to many chats. */
const rendered = new WeakMap<StoryEntry, Map<string, string>>();

/** One story as HTML, shrunk until it fits comfortably inside one message. */
export function renderEntryHtml(entry: StoryEntry, timezone: string, limit = ENTRY_LIMIT): string {
  let forEntry = rendered.get(entry);
  if (!forEntry) rendered.set(entry, (forEntry = new Map()));
  const key = `${timezone}\n${limit}`;
  let html = forEntry.get(key);
  if (html === undefined) {
    html = renderEntryOnce(entry, timezone, limit);
    forEntry.set(key, html);
  }
  return html;
}

function renderEntryOnce(entry: StoryEntry, timezone: string, limit: number): string {
  for (const budget of BUDGETS) {
    const html = renderEntryWith(entry, timezone, budget, true);
    if (html.length <= limit) return html;
  }
  return renderEntryWith(entry, timezone, BUDGETS[BUDGETS.length - 1]!, false);
}

/** Joins blocks into messages of at most `limit` characters, starting a new one between blocks. */
export function packBlocks(blocks: readonly string[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of blocks) {
    const joined = current ? `${current}\n\n${block}` : block;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current) messages.push(current);
    current = block.length <= limit ? block : truncateUnits(block, limit);
  }
  if (current) messages.push(current);
  return messages;
}

/** A compact section: one line per story, its headline linked; lines grouped into blocks that fit. */
function compactBlocks(section: DigestSection, heading: string, more: string | null): string[] {
  const lines = section.entries.map((entry) => {
    const url = safeLinkUrl(entry.url);
    const headline = truncateUnits(plainText(entry.headline), 200) || 'Untitled';
    return `• ${link(headline, url && url.length <= MAX_URL ? url : null)}`;
  });
  if (more) lines.push(more);
  const blocks: string[] = [];
  let current = heading;
  for (const line of lines) {
    if (current.length + 1 + line.length > ENTRY_LIMIT) {
      blocks.push(current);
      current = line;
    } else {
      current = `${current}\n${line}`;
    }
  }
  blocks.push(current);
  return blocks;
}

function sectionBlocks(digest: Digest): string[] {
  const blocks: string[] = [];
  for (const section of digest.sections) {
    const heading = bold(`▸ ${truncateUnits(plainText(section.topicName), 100)}`);
    const more = section.more > 0 ? italic(`+${section.more} more — /latest ${plainText(section.topicSlug)}`) : null;
    if (isCompact(section) && section.entries.length > 0) {
      blocks.push(...compactBlocks(section, heading, more));
      continue;
    }
    if (section.entries.length === 0) {
      blocks.push(more ? `${heading}\n${more}` : heading);
      continue;
    }
    section.entries.forEach((entry, index) => {
      const html = renderEntryHtml(entry, digest.timezone);
      // The heading travels with the section's first entry, so it is never left alone at a message's end.
      blocks.push(index === 0 ? `${heading}\n\n${html}` : html);
    });
    if (more) blocks.push(more);
  }
  return blocks;
}

/** The first message previews the top story's lead image, when it has one; the rest stay without previews. */
function withLeadImage(messages: TelegramMessageBody[], top: StoryEntry | undefined): TelegramMessageBody[] {
  const image = safeLinkUrl(top?.imageUrl);
  const first = messages[0];
  if (!image || image.length > MAX_URL || !first) return messages;
  first.link_preview_options = { url: image, prefer_large_media: true, show_above_text: true };
  return messages;
}

/** A digest as Telegram messages. */
export function renderTelegramDigest(digest: Digest): TelegramMessageBody[] {
  const header = `📰 ${bold(truncateUnits(plainText(digest.title), 200) || 'Your digest')}`;
  const flags = deliveryFlags(digest.sections);
  const top = digest.sections.find((section) => section.entries.length > 0)?.entries[0];
  const messages = packBlocks([header, ...sectionBlocks(digest)]).map((text) => ({
    ...htmlMessage(text),
    ...(flags.previews ? { link_preview_options: { is_disabled: false } } : {}),
    ...(flags.silent ? { disable_notification: true } : {}),
  }));
  return withLeadImage(messages, top);
}

/** A list of stories (/latest) as Telegram messages. */
export function renderTelegramStories(
  title: string,
  entries: readonly StoryEntry[],
  timezone: string,
  footer?: string,
): TelegramMessageBody[] {
  const blocks = [
    bold(truncateUnits(plainText(title), 200)),
    ...entries.map((entry) => renderEntryHtml(entry, timezone)),
  ];
  if (footer) blocks.push(italic(truncateUnits(plainText(footer), 500)));
  return withLeadImage(packBlocks(blocks).map(htmlMessage), entries[0]);
}
