import { formatTime } from '../../core/format-time.js';
import type { Digest, Reply, StoryEntry } from '../../core/reply.js';

/**
 * Plain-text rendering for the terminal. Feed text is printed as text; control characters
 * (terminal escapes included) are stripped so a hostile feed cannot drive the terminal.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
export const plain = (text: string): string => text.replace(CONTROL, '');

export function renderEntryText(entry: StoryEntry, timezone: string, index: number): string {
  const lines = [`${index}. ${plain(entry.headline)}`];
  const meta = [plain(entry.source), formatTime(entry.time, timezone)].filter(Boolean).join(' · ');
  lines.push(`   ${meta}`);
  if (entry.alsoCoveredBy.length > 0) lines.push(`   also covered by ${entry.alsoCoveredBy.map(plain).join(', ')}`);
  for (const quote of entry.quotes) {
    lines.push(`   “${plain(quote.text)}”${quote.speaker ? ` — ${plain(quote.speaker)}` : ''}`);
  }
  if (entry.url) lines.push(`   ${plain(entry.url)}`);
  return lines.join('\n');
}

export function renderDigestText(digest: Digest): string {
  const blocks = [plain(digest.title)];
  for (const section of digest.sections) {
    const header = digest.sections.length > 1 ? [`== ${plain(section.topicName)} ==`] : [];
    const entries = section.entries.map((entry, index) => renderEntryText(entry, digest.timezone, index + 1));
    const more = section.more > 0 ? [`+${section.more} more — /latest ${section.topicSlug}`] : [];
    blocks.push([...header, ...entries, ...more].join('\n\n'));
  }
  return blocks.join('\n\n');
}

export function renderReplyText(reply: Reply): string {
  switch (reply.kind) {
    case 'text': {
      const choices = reply.choices?.map((choice) => `  ${choice.command}  (${plain(choice.label)})`) ?? [];
      return [reply.title ? plain(reply.title) : null, plain(reply.text), ...choices].filter(Boolean).join('\n');
    }
    case 'error':
      return `⚠ ${plain(reply.message)}`;
    case 'stories': {
      const entries = reply.entries.map((entry, index) => renderEntryText(entry, reply.timezone, index + 1));
      return [plain(reply.title), ...entries, reply.footer ? plain(reply.footer) : null].filter(Boolean).join('\n\n');
    }
    case 'digest':
      return renderDigestText(reply.digest);
  }
}
