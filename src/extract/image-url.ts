/**
 * A lead image's address as a page or feed wrote it, made absolute: resolved against the address
 * the document came from, http(s) only (a `data:` or `javascript:` image is nobody's picture), and
 * at most 2048 characters — longer ones are dropped, never cut (half an address shows nothing).
 * Whether the host may be handed to a chat platform is the ingest address guard's call, not this.
 */

export const MAX_IMAGE_URL = 2048;

export function absoluteImageUrl(raw: string | null | undefined, base?: string | null): string | null {
  const text = raw?.trim();
  if (!text || text.length > MAX_IMAGE_URL) return null;
  let url: URL;
  try {
    // A protocol-relative address with no page to inherit from is taken as https, as a browser on an https page would.
    url = base ? new URL(text, base) : new URL(text.startsWith('//') ? `https:${text}` : text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.length <= MAX_IMAGE_URL ? url.href : null;
}
