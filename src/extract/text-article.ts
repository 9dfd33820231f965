/**
 * Reading scraped plain text: the headline is the first headline-shaped block after any furniture, repeats of
 * it are dropped, and the block after it is the standfirst when it is shaped like one.
 */
import type { ArticleDraft } from './article-draft.js';
import { classifyBlock, looksLikeCaption, type BlockRole } from './boilerplate.js';
import { splitTextBlocks } from './text-blocks.js';
import { comparisonKey, countWords, endsWithTerminalPunctuation, normalizeText } from './text-utils.js';

const MAX_HEADLINE_WORDS = 30;
const MAX_STANDFIRST_WORDS = 60;
/** How many body blocks may come before the headline (site names, section labels) before we stop looking. */
const HEADLINE_SEARCH_BLOCKS = 4;

interface ClassifiedBlock {
  text: string;
  role: BlockRole;
}

function looksLikeHeadline(text: string): boolean {
  if (text.length > 250 || /[.,;:]$/.test(text)) return false;
  const words = countWords(text);
  return words >= 2 && words <= MAX_HEADLINE_WORDS;
}

/** The first sentence of a block, cut short: the headline of last resort. */
function firstSentence(text: string): string {
  const sample = text.slice(0, 300);
  const stop = sample.search(/[.!?](\s|$)/);
  const sentence = stop > 0 ? sample.slice(0, stop + 1) : sample;
  return sentence.length > 150 ? `${sentence.slice(0, 150).trimEnd()}…` : sentence;
}

function findHeadline(blocks: ClassifiedBlock[]): number {
  let bodySeen = 0;
  for (let i = 0; i < blocks.length && bodySeen < HEADLINE_SEARCH_BLOCKS; i++) {
    const block = blocks[i];
    if (block?.role.kind !== 'body') continue;
    if (looksLikeHeadline(block.text)) return i;
    bodySeen++;
  }
  return -1;
}

/** A standfirst is a short summary without a final stop, or any short block that a byline or date follows. */
function isStandfirst(blocks: ClassifiedBlock[], index: number): boolean {
  const block = blocks[index];
  if (block?.role.kind !== 'body' || block.text.length > 1_000) return false;
  const words = countWords(block.text);
  if (words < 5 || words > MAX_STANDFIRST_WORDS || looksLikeCaption(block.text, words)) return false;
  if (!endsWithTerminalPunctuation(block.text)) return true;
  const nextKind = blocks[index + 1]?.role.kind;
  return nextKind === 'byline' || nextKind === 'dateline';
}

/** Reads plain text (as scraped from an article page) into a draft. */
export function draftFromText(input: string): ArticleDraft {
  const blocks: ClassifiedBlock[] = splitTextBlocks(normalizeText(input)).map((text) => ({
    text,
    role: classifyBlock(text),
  }));
  const headlineIndex = findHeadline(blocks);
  let headline: string;
  let bodyStart: number;
  if (headlineIndex >= 0) {
    headline = blocks[headlineIndex]?.text ?? '';
    bodyStart = headlineIndex + 1;
  } else {
    const first = blocks.find((block) => block.role.kind === 'body');
    headline = first ? firstSentence(first.text) : '';
    bodyStart = 0;
  }
  const headlineKey = comparisonKey(headline);
  while (headlineIndex >= 0 && comparisonKey(blocks[bodyStart]?.text ?? '') === headlineKey) bodyStart++;
  let standfirst: string | null = null;
  if (headlineIndex >= 0 && isStandfirst(blocks, bodyStart)) {
    standfirst = blocks[bodyStart]?.text ?? null;
    bodyStart++;
  }
  return {
    headline,
    standfirst,
    byline: null,
    publishedAt: null,
    topics: [],
    blocks: blocks.slice(bodyStart).map((block) => ({ text: block.text, blockquote: false })),
  };
}
