/**
 * Reading an article page: metadata from the head, the main content found by Readability (over linkedom),
 * then cut into blocks by an iterative walk, so deeply nested markup cannot exhaust the stack.
 */
import type { ArticleDraft, DraftBlock } from './article-draft.js';
import {
  ELEMENT_NODE,
  TEXT_NODE,
  parseDocument,
  textOf,
  type DomDocument,
  type DomElement,
  type DomNode,
} from './dom.js';
import { readPageMetadata } from './html-metadata.js';
import { scanPage, type PageScan } from './page-scan.js';
import { largestParagraphCluster, TINY_MAIN_TEXT } from './paragraph-cluster.js';
import { htmlToPlainText, nestingDepth, stripInertMarkup } from './inert-markup.js';
import { readabilityContent } from './readability-content.js';
import { draftFromText } from './text-article.js';
import { collapseWhitespace } from './text-utils.js';

/** Not text of the article at all. */
const SKIPPED = new Set(
  `SCRIPT STYLE NOSCRIPT TEMPLATE SVG BUTTON FORM SELECT INPUT TEXTAREA IFRAME NAV ASIDE FIGCAPTION OBJECT
  VIDEO AUDIO CANVAS MATH`.split(/\s+/),
);
/** Text inside these is kept apart from the body: headings and credits. */
const FURNITURE = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FOOTER', 'HEADER', 'CAPTION', 'TH']);
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'TABLE',
  'TR',
  'TD',
  'DL',
  'DT',
  'DD',
  'HR',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'CENTER',
  'BODY',
  ...FURNITURE,
]);
/** Deeper pages are read as plain text: no real article nests this deep, and Readability recurses. */
const MAX_NESTING_DEPTH = 500;
const EMBEDDED_POST = /twitter-tweet|instagram-media|tiktok-embed|fb-post/;

interface WalkState {
  buffer: string[];
  blockquoteDepth: number;
  furnitureDepth: number;
  blocks: DraftBlock[];
}

function flush(state: WalkState): void {
  const text = collapseWhitespace(state.buffer.join(''));
  state.buffer = [];
  if (text === '') return;
  const block: DraftBlock = { text, blockquote: state.blockquoteDepth > 0 };
  if (state.furnitureDepth > 0) block.furniture = true;
  state.blocks.push(block);
}

/** Cuts an element's content into text blocks at block-level elements, without recursion. */
export function blocksOf(root: DomNode): DraftBlock[] {
  const state: WalkState = { buffer: [], blockquoteDepth: 0, furnitureDepth: 0, blocks: [] };
  const stack: { node: DomNode; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      state.buffer.push(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = node.nodeName.toUpperCase();
    const element = node as DomElement;
    if (leaving) {
      flush(state);
      if (tag === 'BLOCKQUOTE') state.blockquoteDepth--;
      if (FURNITURE.has(tag)) state.furnitureDepth--;
      continue;
    }
    if (SKIPPED.has(tag) || EMBEDDED_POST.test(element.getAttribute('class') ?? '')) continue;
    if (tag === 'BR') {
      state.buffer.push('\n');
      continue;
    }
    if (BLOCKS.has(tag)) {
      flush(state);
      if (tag === 'BLOCKQUOTE') state.blockquoteDepth++;
      if (FURNITURE.has(tag)) state.furnitureDepth++;
      stack.push({ node, leaving: true });
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, leaving: false });
    }
  }
  flush(state);
  return attachBlockquoteCredits(state.blocks);
}

/** "— Jane Doe" under a quotation, in its own <footer> or <cite>, belongs to the quotation before it. */
function attachBlockquoteCredits(blocks: DraftBlock[]): DraftBlock[] {
  const result: DraftBlock[] = [];
  for (const block of blocks) {
    const previous = result.at(-1);
    if (previous?.blockquote && block.blockquote && /^[—–-]\s?\S/.test(block.text) && block.text.length < 120) {
      previous.text = `${previous.text} ${block.text}`;
      continue;
    }
    result.push(block);
  }
  return result.map((block) =>
    block.blockquote && block.furniture && /^[—–-]/.test(block.text) ? { ...block, furniture: false } : block,
  );
}

/** Removes captions and credits before Readability, which keeps figure captions with the content. */
function removeFurniture(doc: DomDocument, scan: PageScan): string[] {
  const captions: string[] = [];
  for (const element of scan.embeds) element.remove();
  // Readability drops <footer> and <cite>; a quotation's credit inside them must survive as a paragraph.
  for (const credit of scan.credits) {
    const paragraph = doc.createElement('p');
    paragraph.textContent = textOf(credit);
    credit.replaceWith(paragraph);
  }
  for (const element of scan.furniture) {
    const text = textOf(element);
    if (text.length < 400 && element.tagName !== 'BODY' && element.tagName !== 'HTML') {
      element.remove();
      if (captions.length < 20) captions.push(text);
    }
  }
  return captions;
}

const bodyTextLength = (blocks: DraftBlock[]): number =>
  blocks.reduce((sum, block) => sum + (block.furniture ? 0 : block.text.length), 0);

/**
 * The main content's blocks, via Readability; the whole body when Readability finds no article or fails. When
 * Readability's text is tiny, the page is read again (Readability has changed `doc`) and a cluster of
 * paragraphs holding several times more text replaces it; only such pages pay for the second reading.
 */
function mainContentBlocks(doc: DomDocument, readAgain: () => DomDocument): DraftBlock[] {
  let blocks: DraftBlock[] | null = null;
  try {
    const content = readabilityContent(doc);
    if (content) {
      const found = blocksOf(content);
      if (found.some((block) => !block.furniture)) blocks = found;
    }
  } catch {
    // Readability recurses over the tree and can fail on hostile nesting; fall back to the whole body below.
  }
  if (blocks === null) return doc.body ? blocksOf(doc.body) : [];
  const length = bodyTextLength(blocks);
  if (length >= TINY_MAIN_TEXT) return blocks;
  const cluster = largestParagraphCluster(readAgain(), length);
  return cluster ? blocksOf(cluster) : blocks;
}

/** A draft read from HTML, with the lead image the page's metadata names (as written, maybe relative). */
export interface HtmlDraft extends ArticleDraft {
  image: string | null;
}

/** Reads an HTML article page (or a fragment such as a feed's content:encoded) into a draft. */
export function draftFromHtml(html: string): HtmlDraft {
  const page = stripInertMarkup(html);
  if (nestingDepth(page) > MAX_NESTING_DEPTH) return { ...draftFromText(htmlToPlainText(page)), image: null };
  const doc = parseDocument(page);
  const scan = scanPage(doc);
  const metadata = readPageMetadata(doc, scan);
  const captions = removeFurniture(doc, scan);
  const readAgain = (): DomDocument => {
    const fresh = parseDocument(page);
    removeFurniture(fresh, scanPage(fresh));
    return fresh;
  };
  const blocks = mainContentBlocks(doc, readAgain);
  return {
    headline: metadata.headline ?? '',
    standfirst: metadata.standfirst,
    byline: metadata.byline,
    publishedAt: metadata.publishedAt,
    topics: metadata.topics,
    blocks,
    image: metadata.image,
    nameHints: captions,
  };
}
