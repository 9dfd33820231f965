/** A sniff of a fetched body, without a parser: cheap enough for the main thread. */

/** Whether a body that failed to parse as a feed looks like an HTML page worth searching for feed links. */
export function looksLikeHtml(contentType: string | null, head: string): boolean {
  if (contentType && /html/i.test(contentType)) return true;
  return /^\s*(?:<!doctype html|<html\b)/i.test(head.slice(0, 1024).replace(/^\uFEFF/, ''));
}
