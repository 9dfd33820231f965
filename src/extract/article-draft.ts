/**
 * The middle of extraction, shared by text and HTML: an article's metadata plus its candidate blocks, and the
 * step that turns that draft into the final ExtractedArticle (furniture out, quotations and key quotes in).
 */
import type { ExtractedArticle } from '../core/domain.js';
import { classifyBlock, looksLikeCaption } from './boilerplate.js';
import { selectKeyQuotes } from './key-quotes.js';
import { findQuoteSpans, spanText } from './quote-marks.js';
import { findQuotes, MIN_QUOTE_WORDS } from './quotes.js';
import { mendBrokenParagraphs } from './text-blocks.js';
import { comparisonKey, countWords, countWordsUpTo, MAX_QUOTE_SCAN_CHARS } from './text-utils.js';

/** One block of candidate body text. */
export interface DraftBlock {
  text: string;
  /** From a <blockquote>: without marks, the whole block is a quotation. */
  blockquote: boolean;
  /** Known from the markup to be a caption, heading or other furniture. */
  furniture?: boolean;
}

/** What the text or HTML reader found before the body is cleaned. */
export interface ArticleDraft {
  headline: string;
  standfirst: string | null;
  byline: string | null;
  publishedAt: string | null;
  topics: string[];
  blocks: DraftBlock[];
  /** Captions and other furniture left out of the body: read only to complete names ("Bush" → "George W. Bush"). */
  nameHints?: string[];
}

function uniqueTopics(topics: string[]): string[] {
  const seen = new Set<string>();
  return topics.filter((topic) => {
    const key = topic.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Joins paragraphs a line break cut in two, never across a blockquote boundary. */
function mendBlocks(blocks: DraftBlock[]): DraftBlock[] {
  const mended: DraftBlock[] = [];
  for (const block of blocks) {
    const previous = mended.at(-1);
    if (previous && previous.blockquote === block.blockquote) {
      const joined = mendBrokenParagraphs([previous.text, block.text]);
      if (joined.length === 1) {
        previous.text = joined[0] ?? previous.text;
        continue;
      }
    }
    mended.push({ ...block });
  }
  return mended;
}

/** Drops short paragraphs whose only quotations repeat ones found elsewhere: pull quotes and captions. */
function withoutRepeatedQuoteParagraphs(blocks: DraftBlock[]): DraftBlock[] {
  const words = blocks.map((block) => countWordsUpTo(block.text));
  const keysByBlock = blocks.map(({ text: whole }) => {
    const text = whole.slice(0, MAX_QUOTE_SCAN_CHARS);
    return findQuoteSpans(text)
      .map((span) => spanText(text, span))
      .filter((quoted) => countWords(quoted) >= MIN_QUOTE_WORDS)
      .map(comparisonKey);
  });
  // The longest paragraph holding a quotation owns it; the shorter repeats are furniture.
  const owner = new Map<string, number>();
  keysByBlock.forEach((keys, index) => {
    for (const key of keys) {
      const current = owner.get(key);
      if (current === undefined || (words[index] ?? 0) > (words[current] ?? 0)) owner.set(key, index);
    }
  });
  return blocks.filter((_block, index) => {
    const keys = keysByBlock[index] ?? [];
    if (keys.length === 0 || (words[index] ?? 0) > 40) return true;
    return keys.some((key) => owner.get(key) === index);
  });
}

/** Cleans the draft's blocks into body paragraphs and finds the quotations and key quotes. */
export function finishArticle(draft: ArticleDraft): ExtractedArticle {
  let { byline, publishedAt } = draft;
  const topics = [...draft.topics];
  const skip = new Set([draft.headline, draft.standfirst ?? ''].filter(Boolean).map(comparisonKey));
  const body: DraftBlock[] = [];
  for (const block of draft.blocks) {
    if (block.furniture || skip.has(comparisonKey(block.text))) continue;
    const role = classifyBlock(block.text);
    if (role.kind === 'topics') topics.push(...role.topics);
    else if (role.kind === 'byline') {
      byline ??= role.byline;
      publishedAt ??= role.publishedAt;
    } else if (role.kind === 'dateline') publishedAt ??= role.publishedAt;
    else if (role.kind === 'body' && !(block.text.length < 600 && looksLikeCaption(block.text))) body.push(block);
  }
  const blocks = withoutRepeatedQuoteParagraphs(mendBlocks(body));
  const paragraphs = blocks.map((block) => block.text);
  const blockquotes = new Set(blocks.flatMap((block, index) => (block.blockquote ? [index] : [])));
  const namesFrom = [draft.headline, draft.standfirst ?? ''];
  const captions = [
    ...(draft.nameHints ?? []),
    ...draft.blocks.filter((block) => block.furniture || looksLikeCaption(block.text)).map((block) => block.text),
  ];
  const quotes = findQuotes(paragraphs, { blockquotes, namesFrom, namesLater: captions });
  return {
    headline: draft.headline,
    standfirst: draft.standfirst,
    byline,
    publishedAt,
    topics: uniqueTopics(topics),
    paragraphs,
    quotes,
    keyQuotes: selectKeyQuotes(quotes, paragraphs.length),
  };
}
