import { createHash } from 'node:crypto';

/**
 * Story identity. An item's key is its guid/id, else its canonical link, else a hash of its title
 * and date; a story is that key within one feed (feedStoryKey). A feed speaks only for its own
 * items: one that copies another outlet's guid or link gets a story of its own, never the other
 * outlet's. The same article carried by several outlets is one event through clustering
 * (src/store/cluster-finder.ts), not through a shared key.
 */

/** Query parameters that only say where a click came from: removed from canonical links. */
const TRACKING = new Set(
  `fbclid gclid gclsrc dclid msclkid yclid igshid mc_cid mc_eid _hsenc _hsmi mkt_tok ocid cmpid ref_src
  at_medium at_campaign wt_mc s_cid sr_share ito`.split(/\s+/),
);
const isTracking = (name: string): boolean => {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING.has(lower);
};

/**
 * The link with scheme and host lower-cased, the default port, fragment and tracking parameters
 * removed; null when it is not an absolute http(s) URL.
 */
export function canonicalUrl(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (isTracking(name)) url.searchParams.delete(name);
  }
  if (url.searchParams.size === 0) url.search = '';
  return url.href;
}

export interface KeyedItem {
  guid: string | null;
  link: string | null;
  title: string;
  publishedAt: string | null;
}

/**
 * The story key of a feed item. A guid that is a URL is keyed like a link, so the same article
 * reached through a guid in one feed and a link in another is one story. A short opaque guid
 * ("123") is only unique within its feed, so it is scoped to the feed's URL; long ones and
 * tag:/urn: ids are meant to be unique everywhere.
 */
export function storyKey(item: KeyedItem, feedUrl: string): string {
  const guid = item.guid?.trim();
  if (guid) {
    // An id with a fragment (Atom's "https://example.org/blog#post-4") names that fragment:
    // dropping it, as a link's canonical form does, would make every entry of the page one story.
    const asUrl = /^https?:\/\//i.test(guid) && !/#./.test(guid) ? canonicalUrl(guid) : null;
    if (asUrl) return `url:${asUrl}`;
    return guid.length >= 20 || /^(?:tag|urn):/i.test(guid) ? `guid:${guid}` : `guid:${feedUrl}#${guid}`;
  }
  const link = item.link ? canonicalUrl(item.link) : null;
  if (link) return `url:${link}`;
  const hash = createHash('sha256')
    .update(`${item.title.trim().toLowerCase()}\n${item.publishedAt ?? ''}`)
    .digest('hex')
    .slice(0, 32);
  return `hash:${hash}`;
}

/**
 * The stored key of an item of feed `feedId`: its storyKey scoped to the feed, so the same feed
 * re-polled finds its items again and no other feed can pre-empt or overwrite them.
 */
export function feedStoryKey(feedId: number, itemKey: string): string {
  return `feed:${feedId} ${itemKey}`;
}
