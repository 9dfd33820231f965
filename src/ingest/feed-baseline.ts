import { createHash } from 'node:crypto';
import type { FeedItem } from './feed-parse.js';

/**
 * A feed's baseline: the items a moderator's `/feed add` saw. The feed's first poll stores them
 * without pushing them to digests, and pushes everything else it finds: a story published after
 * `/feed add` and before that poll is news. A feed with no baseline (catalogue, OPML import) takes
 * its whole first poll as the baseline, as before.
 */
export interface BaselineStore {
  /** The item ids recorded for the feed, or null when it has none. */
  get(feedId: number): Promise<ReadonlySet<string> | null>;
  set(feedId: number, itemIds: readonly string[]): Promise<void>;
  clear(feedId: number): Promise<void>;
}

/** An item's identity within its feed, for the baseline only: its guid, else its link, else its title. */
export function baselineId(item: Pick<FeedItem, 'guid' | 'link' | 'title'>): string {
  const identity = item.guid ? `g:${item.guid}` : item.link ? `l:${item.link}` : `t:${item.title}`;
  return createHash('sha256').update(identity).digest('base64url').slice(0, 22);
}

/** Whether a first poll's item is news: with a baseline, every item the baseline does not hold. */
export function isNewAtFirstPoll(item: FeedItem, baseline: ReadonlySet<string> | null): boolean {
  return baseline !== null && !baseline.has(baselineId(item));
}

/** The baseline store over a key/value table (the database's meta table). */
export function keyValueBaselines(meta: {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}) {
  const key = (feedId: number): string => `feed-baseline:${feedId}`;
  const store: BaselineStore = {
    async get(feedId) {
      const value = await meta.get(key(feedId));
      return value ? new Set(JSON.parse(value) as string[]) : null;
    },
    set: (feedId, itemIds) => meta.set(key(feedId), JSON.stringify(itemIds)),
    clear: (feedId) => meta.set(key(feedId), ''),
  };
  return store;
}
