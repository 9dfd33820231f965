import { Parser } from 'htmlparser2';

/**
 * HTML (or text that may hold markup and entities, as feed titles often do) → plain text:
 * tags dropped, entities decoded, scripts, styles, noscript and template content removed,
 * whitespace collapsed. Streams through htmlparser2's callbacks (no DOM is built), so the cost is
 * linear in the length of the text.
 *
 * htmlparser2 keeps its open elements in an array it shifts and unshifts, which costs the nesting
 * depth per tag; markup nested deeper than MAX_NESTING_DEPTH (no real feed item nests that deep)
 * is therefore read as plain text, its tags dropped without parsing, as the extractor does.
 */

/** Deeper markup is read as plain text. */
export const MAX_NESTING_DEPTH = 500;

const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);
// Starts and ends of blocks become spaces, so "<p>a</p><p>b</p>" reads "a b", not "ab".
const BLOCKS = new Set(
  'p div li h1 h2 h3 h4 h5 h6 tr td th blockquote section article figure figcaption dd dt'.split(' '),
);
const BREAKS = new Set(['br', 'hr']);
const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));

interface Collector {
  parts: string[];
  skipping: number;
}

const collector: Collector = { parts: [], skipping: 0 };

// One parser for every call (its options and callbacks never change); reset before each use.
const parser = new Parser(
  {
    ontext(text) {
      if (collector.skipping === 0) collector.parts.push(text);
    },
    onopentagname(name) {
      if (SKIPPED.has(name)) collector.skipping++;
      else if (BREAKS.has(name) || BLOCKS.has(name)) collector.parts.push(' ');
    },
    onclosetag(name) {
      if (SKIPPED.has(name)) collector.skipping = Math.max(0, collector.skipping - 1);
      else if (BLOCKS.has(name)) collector.parts.push(' ');
    },
  },
  { decodeEntities: true, lowerCaseTags: true },
);

export function htmlToText(html: string): string {
  if (!html.includes('<') && !ENTITY.test(html)) return collapse(html);
  const simple = simpleMarkupToText(html);
  if (simple !== null) return simple;
  // Tags dropped first: what is left holds no markup, so the parser only decodes its entities.
  const source = nestingDepth(html) > MAX_NESTING_DEPTH ? html.replace(/<[^<>]*>/g, ' ') : html;
  collector.parts = [];
  collector.skipping = 0;
  parser.reset();
  parser.end(source);
  const text = collector.parts.join('');
  collector.parts = [];
  return collapse(text);
}

const ENTITY = /&[#a-zA-Z]/;
/** What the plain-markup shortcut leaves to the parser: entities, comments, quoted attributes, raw-text elements. */
const NOT_PLAIN =
  /&|<!|<[^<>]*["']|<\/?(?:script|style|noscript|template|title|textarea|xmp|iframe|noembed|noframes|plaintext)\b/i;
const BLOCK_TAG = new RegExp(`</?(?:${[...BLOCKS, ...BREAKS].join('|')})\\b[^<>]*>`, 'gi');
const ANY_TAG = /<\/?[a-zA-Z][^<>]*>/g;

/**
 * The common case without the parser: plain tags only (no entity, comment, quoted attribute value
 * or element whose content is not markup). Gives what the parser gives such text; null otherwise.
 */
function simpleMarkupToText(html: string): string | null {
  if (NOT_PLAIN.test(html)) return null;
  const text = html.replace(BLOCK_TAG, ' ').replace(ANY_TAG, '');
  return text.includes('<') ? null : collapse(text);
}

/**
 * The deepest nesting of elements in `html`, read from its tags alone, in one pass: every `<`
 * and `>` is looked at a bounded number of times.
 */
export function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  let tagEnd = -1;
  for (let open = html.indexOf('<'); open >= 0; open = html.indexOf('<', open + 1)) {
    const next = html.charCodeAt(open + 1);
    if (next === 47 /* / */) {
      if (depth > 0) depth--;
      continue;
    }
    const letter = (next | 32) >= 97 && (next | 32) <= 122;
    if (!letter) continue;
    if (tagEnd < open) tagEnd = html.indexOf('>', open);
    if (tagEnd < 0) break;
    if (html.charCodeAt(tagEnd - 1) === 47 /* / */) continue;
    let end = open + 1;
    while (end < tagEnd && end - open <= 12 && /[a-zA-Z0-9]/.test(html[end]!)) end++;
    if (VOID.has(html.slice(open + 1, end).toLowerCase())) continue;
    if (++depth > deepest) deepest = depth;
  }
  return deepest;
}

/** Whitespace that collapsing changes: a run of two, or any but a plain space (tabs, newlines, NBSP…). */
const UNCOLLAPSED = /\s\s|[^\S ]/;

// Most titles need no collapsing: testing first spares copying them.
const collapse = (text: string): string => (UNCOLLAPSED.test(text) ? text.replace(/\s+/g, ' ') : text).trim();

export { truncateText } from './text-cut.js';
