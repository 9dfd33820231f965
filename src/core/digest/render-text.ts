import { formatTime } from '../format-time.js';
import type { Digest, StoryEntry } from '../reply.js';
import { plainText, safeLinkUrl } from './plain-text.js';

export { safeLinkUrl } from './plain-text.js';

/**
 * The plain-text rendering of a neutral digest (the console's, and the operator's preview).
 * Every feed-supplied string goes through plainText, so a headline can neither fake a new entry
 * with a line break nor carry terminal escapes.
 */

/**
 * How a terminal may highlight parts of the text (colour on a TTY). Each function receives text
 * already made safe and returns it wrapped; the plain style returns it as it is.
 */
export interface TextStyle {
  title(text: string): string;
  headline(text: string): string;
  speaker(text: string): string;
  /** Source, time and other outlets. */
  meta(text: string): string;
}

const same = (text: string): string => text;
export const PLAIN_STYLE: TextStyle = { title: same, headline: same, speaker: same, meta: same };

/** "+3 more — /latest world": what the cap left out. */
export function moreLine(more: number, topicSlug: string): string {
  return `+${more} more — /latest ${topicSlug}`;
}

/** One entry as lines of text: headline, source and time, also covered by, quotes, link. */
export function renderEntryText(entry: StoryEntry, timezone: string, style: TextStyle = PLAIN_STYLE): string {
  const lines = [`• ${style.headline(plainText(entry.headline))}`];
  const meta = [plainText(entry.source), formatTime(entry.time, timezone)].filter(Boolean);
  if (entry.alsoCoveredBy.length > 0) meta.push(`also covered by ${entry.alsoCoveredBy.map(plainText).join(', ')}`);
  lines.push(`  ${style.meta(meta.join(' · '))}`);
  for (const quote of entry.quotes) {
    const speaker = quote.speaker ? ` — ${style.speaker(plainText(quote.speaker))}` : '';
    lines.push(`  “${plainText(quote.text)}”${speaker}`);
  }
  const link = safeLinkUrl(entry.url);
  if (link) lines.push(`  ${link}`);
  return lines.join('\n');
}

/** One entry as a compact line: the headline and its link. */
export function renderCompactText(entry: StoryEntry, style: TextStyle = PLAIN_STYLE): string {
  const link = safeLinkUrl(entry.url);
  return `• ${style.headline(plainText(entry.headline))}${link ? ` — ${link}` : ''}`;
}

/** The whole digest as plain text: title, then a section per topic (headed when there are several). */
export function renderDigestText(digest: Digest, style: TextStyle = PLAIN_STYLE): string {
  const blocks = [style.title(plainText(digest.title))];
  for (const section of digest.sections) {
    const lines: string[] = [];
    if (digest.sections.length > 1) lines.push(style.title(`■ ${plainText(section.topicName)}`));
    const compact = section.style?.format === 'compact';
    lines.push(
      ...section.entries.map((entry) =>
        compact ? renderCompactText(entry, style) : renderEntryText(entry, digest.timezone, style),
      ),
    );
    if (section.more > 0) lines.push(moreLine(section.more, section.topicSlug));
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}
