import * as z from 'zod';
import type { CommandContext } from './command.js';
import type { Feed, Topic } from './domain.js';
import type { FeedStore } from './ports.js';
import { formatTime } from './format-time.js';

/** Helpers shared by the feed-management commands (/feed, /import, /export). */

/** The URL in its standard form (host lower-cased, default port dropped), or null when not http(s). */
export function normaliseHttpUrl(input: string): string | null {
  try {
    const url = new URL(input.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A feed URL option: an absolute http(s) URL, normalised. */
export const feedUrlSchema = z.string().transform((value, ctx) => {
  const url = normaliseHttpUrl(value);
  if (url) return url;
  ctx.addIssue({
    code: 'custom',
    message: `'${value}' is not a web address — give a full http(s) URL such as https://example.org/rss`,
  });
  return z.NEVER;
});

/** Whether two feed URLs name the same feed, ignoring a trailing slash. */
export function sameFeedUrl(a: string, b: string): boolean {
  const strip = (url: string): string => (normaliseHttpUrl(url) ?? url).replace(/\/$/, '');
  return strip(a) === strip(b);
}

/** The timezone times are shown in for this chat. */
export async function chatTimezone(context: CommandContext): Promise<string> {
  return (await context.services.chats.get(context.chat.id))?.timezone ?? context.services.settings.defaultTimezone;
}

/** "ok", "failing (3 in a row: timeout …), next try 23 Nov 14:05" or "disabled: …". */
export function feedStatus(feed: Feed, timezone: string): string {
  if (!feed.enabled) return `disabled: ${feed.disabledReason ?? feed.lastError ?? 'no reason recorded'}`;
  if (feed.consecutiveFailures > 0) {
    const next = feed.nextPollAt ? `, next try ${formatTime(feed.nextPollAt, timezone)}` : '';
    return `failing (${feed.consecutiveFailures} in a row: ${feed.lastErrorKind ?? 'error'} — ${feed.lastError ?? ''})${next}`;
  }
  return feed.firstPolledAt ? 'ok' : 'waiting for its first poll';
}

export const feedName = (feed: Pick<Feed, 'title' | 'url'>): string =>
  feed.title ? `${feed.title} — ${feed.url}` : feed.url;

/** The topics whose feeds the caller looks after here: the community's own, and global ones for the operator. */
export async function managedTopics(context: CommandContext): Promise<Topic[]> {
  const { chat, actor, services } = context;
  return (await services.topics.listVisible(chat.communityId)).filter((topic) =>
    topic.communityId === null ? actor.isOperator : topic.communityId === chat.communityId,
  );
}

/** At most `max` lines, then "… and N more". */
export function capLines(lines: string[], max = 40): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), `… and ${lines.length - max} more`];
}

/**
 * Stores the feed a check found, or revives the stored one: adding a feed again is how a disabled
 * one comes back, polled again soon. Shared by /feed add and personal feeds (/subscribe <address>).
 */
export async function storeCheckedFeed(
  feeds: FeedStore,
  check: { feedUrl: string; title: string | null },
): Promise<Feed> {
  const stored = await feeds.ensure(check.feedUrl, { title: check.title });
  if (stored.enabled && stored.consecutiveFailures === 0 && (stored.title || !check.title)) return stored;
  return feeds.update(stored.id, {
    title: stored.title ?? check.title,
    enabled: true,
    consecutiveFailures: 0,
    disabledReason: null,
    nextPollAt: null,
  });
}
