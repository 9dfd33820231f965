/**
 * Story extraction: plain text or an HTML page in, headline, standfirst, byline, date, topics, body paragraphs,
 * quotations with speakers and key quotes out. Pure functions, no I/O, no language model.
 */
import type { ExtractedArticle } from '../core/domain.js';
import { UserError } from '../core/errors.js';
import { finishArticle } from './article-draft.js';
import { draftFromHtml } from './html.js';
import { absoluteImageUrl } from './image-url.js';
import { draftFromText } from './text-article.js';
import { MAX_HTML_CHARS, MAX_TEXT_CHARS } from './text-utils.js';

export { findQuotes, type FindQuotesOptions } from './quotes.js';
export { selectKeyQuotes } from './key-quotes.js';

/** Hints about where the input came from. */
export interface ExtractOptions {
  /** The page's address, when it was fetched: relative image addresses are resolved against it. Not fetched. */
  url?: string;
  /** The Content-Type it was served with; decides text or HTML when present. */
  contentType?: string;
}

const HTML_START =
  /^\s*(<!--[^>]{0,2000}-->\s*)?<(!doctype\s+html|html|head|body|article|section|div|p|meta|title|main|h1|h2|span|figure|blockquote|ul|table)[\s>/]/i;
const HTML_TAG_PAIRS = /<\/(p|div|a|span|li|em|strong|h[1-6]|blockquote|section|article)>/gi;

/**
 * Whether the input is HTML rather than plain text: it starts like a document or fragment, or its start
 * holds several closing tags of common elements.
 */
export function looksLikeHtml(input: string): boolean {
  const sample = input.slice(0, 5000);
  if (HTML_START.test(sample)) return true;
  return (sample.match(HTML_TAG_PAIRS) ?? []).length >= 3;
}

function refuseHugeInput(input: string, limit: number, kind: string): void {
  if (input.length > limit) {
    const megabytes = (input.length / 1_000_000).toFixed(1);
    throw new UserError(
      `This ${kind} is ${megabytes} MB; an article is at most ${limit / 1_000_000} MB, so it was not read.`,
    );
  }
}

/** Extracts a story from plain text such as a scraped article. Throws UserError only for oversized input. */
export function extractFromText(text: string): ExtractedArticle {
  refuseHugeInput(text, MAX_TEXT_CHARS, 'text');
  return { ...finishArticle(draftFromText(text)), imageUrl: null };
}

/**
 * Extracts a story from an article page or an HTML fragment; `pageUrl` (where it came from) makes a
 * relative lead image absolute. Throws UserError only for oversized input.
 */
export function extractFromHtml(html: string, pageUrl?: string): ExtractedArticle {
  refuseHugeInput(html, MAX_HTML_CHARS, 'page');
  const draft = draftFromHtml(html);
  return { ...finishArticle(draft), imageUrl: absoluteImageUrl(draft.image, pageUrl) };
}

/**
 * Extracts a story from text or HTML, deciding which by `contentType` when given, else by looking.
 * Total: any input gives a result (possibly with empty arrays), or a UserError when it is too large to be an article.
 */
export function extractArticle(input: string, options: ExtractOptions = {}): ExtractedArticle {
  const type = options.contentType?.toLowerCase() ?? '';
  const isHtml =
    type.includes('html') || type.includes('xml') ? true : type.startsWith('text/plain') ? false : looksLikeHtml(input);
  return isHtml ? extractFromHtml(input, options.url) : extractFromText(input);
}
