import { assertFetchableUrl, refusedRange } from './address-guard.js';
import { FIELD_CAPS } from './field-caps.js';

/**
 * Which lead image a story keeps, and whether its address may be handed to a chat platform.
 *
 * The article page's image (og:image and the like) wins over the feed's: it is the picture the
 * publisher chose for sharing, sized for a preview (typically 1200×630), where feeds often carry a
 * 140–240px thumbnail. The feed's image stands in when the page names none or was not fetched.
 */

/** Host names that never mean a public site, whatever they resolve to. */
const INTERNAL_NAME = /(^|\.)(localhost|local|localdomain|internal|intranet|lan|home\.arpa)$/i;

/**
 * The address when a chat platform may be told to fetch it, else null. The same address guard as
 * every fetch (src/ingest/address-guard.ts assertFetchableUrl): http(s) only, no user name or
 * password, and no loopback, private, link-local or otherwise special IP — always, even when
 * ALLOW_PRIVATE_FEEDS lifts the guard for newsbrief's own fetches: the platform fetches from the
 * internet, where a private address is never the picture meant. Names are not resolved here
 * (newsbrief does not fetch the image, and a DNS look-up per story would be the one network call
 * of an otherwise local decision): single-label and reserved internal names are refused instead.
 */
export function guardedImageUrl(url: string | null | undefined): string | null {
  if (!url || url.length > FIELD_CAPS.imageUrl) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
    assertFetchableUrl(parsed, refusedRange);
  } catch {
    return null;
  }
  const host = parsed.hostname.replace(/\.$/, '');
  const isIpLiteral = /^\[|^\d+(\.\d+){3}$/.test(host);
  if (!isIpLiteral && (!host.includes('.') || INTERNAL_NAME.test(host))) return null;
  return parsed.href.length <= FIELD_CAPS.imageUrl ? parsed.href : null;
}

/** The story's lead image: the article's when it passes the guard, else the feed item's. */
export function chooseLeadImage(articleImage: string | null | undefined, feedImage: string | null): string | null {
  return guardedImageUrl(articleImage) ?? guardedImageUrl(feedImage);
}
