import { parseHTML } from 'linkedom';

/**
 * HTML (or text that may hold markup and entities, as feed titles often do) → plain text:
 * tags dropped, entities decoded, scripts and styles removed, whitespace collapsed.
 */

let scratch: { createElement(name: string): HTMLElementLike } | null = null;

interface HTMLElementLike {
  innerHTML: string;
  textContent: string | null;
  querySelectorAll(selector: string): Iterable<{ remove(): void }>;
}

// Ends of blocks become line breaks, so "<p>a</p><p>b</p>" reads "a b", not "ab".
const BLOCK_END =
  /<(?:br|hr|\/(?:p|div|li|h[1-6]|tr|td|th|blockquote|section|article|figure|figcaption|dd|dt))\b[^>]*>/gi;

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapse(html);
  scratch ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as NonNullable<typeof scratch>;
  const element = scratch.createElement('div');
  element.innerHTML = html.replace(BLOCK_END, '$& ');
  for (const node of element.querySelectorAll('script, style, noscript, template')) node.remove();
  return collapse(element.textContent ?? '');
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Cuts text to about `max` characters at a word boundary, with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
