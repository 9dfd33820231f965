/**
 * Removing markup that never holds article text (scripts, styles, comments, SVG, templates) from the HTML
 * string before parsing. On real pages these are a large share of the bytes, and parsing dominates the cost.
 * One indexOf-driven pass: linear, with no regular expression over the page.
 */

const INERT_ELEMENTS = ['script', 'style', 'noscript', 'svg', 'template', 'iframe'];
/** Char codes of the inert names' first letters, lower-case (an ASCII letter's code | 0x20 is its lower case). */
const INERT_INITIALS = new Set(INERT_ELEMENTS.map((tag) => tag.charCodeAt(0)));
/**
 * The two characters whose lower case is longer (İ) or an ASCII letter (K, the Kelvin sign): only a page with one
 * of them has to be lower-cased whole for its positions and tag names to read as they do lower-cased.
 */
const CHANGED_BY_LOWER_CASE = ['\u0130', '\u212a'];

/** Whether a <script> start tag is JSON-LD, which carries the article's metadata and must be kept. */
function isJsonLd(startTag: string): boolean {
  return startTag.includes('ld+json');
}

/** `length` characters of the text from `at`, lower-cased. */
const lowerAt = (text: string, at: number, length: number): string => text.slice(at, at + length).toLowerCase();

/** Where `</name` (any case) next starts in the text, or -1. */
function closingTagAt(text: string, name: string, from: number): number {
  for (let at = text.indexOf('</', from); at >= 0; at = text.indexOf('</', at + 1))
    if (lowerAt(text, at + 2, name.length) === name) return at;
  return -1;
}

/**
 * Returns the HTML without inert elements and comments. Unclosed ones run to the end and are dropped. Tag names
 * are compared lower-cased where they stand: lower-casing the whole page cost more than the scan (issue 10).
 */
export function stripInertMarkup(html: string): string {
  // What is searched: the page itself, or its lower case when the two would not line up.
  const lower = CHANGED_BY_LOWER_CASE.some((ch) => html.includes(ch)) ? html.toLowerCase() : html;
  const parts: string[] = [];
  let at = 0;
  let search = 0;
  while (search < html.length) {
    const open = lower.indexOf('<', search);
    if (open < 0) break;
    if (lower.startsWith('<!--', open)) {
      const close = lower.indexOf('-->', open + 4);
      parts.push(html.slice(at, open));
      at = search = close < 0 ? html.length : close + 3;
      continue;
    }
    // Most tags start with another letter: only the first letters of the inert names are looked at further.
    if (!INERT_INITIALS.has(lower.charCodeAt(open + 1) | 0x20)) {
      search = open + 1;
      continue;
    }
    const name = INERT_ELEMENTS.find(
      (tag) => lowerAt(lower, open + 1, tag.length) === tag && /[\s>/]/.test(lower[open + 1 + tag.length] ?? '>'),
    );
    if (name === undefined) {
      search = open + 1;
      continue;
    }
    const tagEnd = lower.indexOf('>', open);
    const startTagEnd = tagEnd < 0 ? open + 200 : Math.min(tagEnd, open + 500);
    if (name === 'script' && isJsonLd(lowerAt(lower, open, startTagEnd - open))) {
      search = open + 1;
      continue;
    }
    const close = closingTagAt(lower, name, open + name.length + 1);
    const closeEnd = close < 0 ? -1 : lower.indexOf('>', close);
    parts.push(html.slice(at, open));
    at = search = closeEnd < 0 ? html.length : closeEnd + 1;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

const VOID_OR_SELF_CLOSING = new Set(
  `br img hr meta link input source wbr area base col embed param track p li dt dd option tr td th`.split(/\s+/),
);

/**
 * How deeply the page's elements nest, by a linear scan of its tags (elements a parser closes implicitly,
 * such as <p> and <li>, are not counted). Readability walks the tree recursively, so very deep pages
 * exhaust the stack after running for seconds; the caller reads those as plain text instead.
 */
export function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (let open = html.indexOf('<'); open >= 0; open = html.indexOf('<', open + 1)) {
    const next = html[open + 1] ?? '';
    if (next === '/') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) continue;
    let end = open + 1;
    while (end < html.length && end - open < 20 && /[a-zA-Z0-9-]/.test(html[end] ?? '')) end++;
    const name = html.slice(open + 1, end).toLowerCase();
    const close = html.indexOf('>', end);
    if (VOID_OR_SELF_CLOSING.has(name) || (close > 0 && html[close - 1] === '/')) continue;
    depth++;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

const BLOCK_TAGS = new Set(
  `p div br li h1 h2 h3 h4 h5 h6 blockquote section article tr header footer ul ol title main aside nav figure
  figcaption table pre`.split(/\s+/),
);
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return point > 0 && point < 0x110000 ? String.fromCodePoint(point) : '';
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML page by one linear pass: tags dropped, block boundaries kept as blank lines. */
export function htmlToPlainText(html: string): string {
  const parts: string[] = [];
  let at = 0;
  for (let open = html.indexOf('<'); open >= 0; open = html.indexOf('<', at)) {
    const close = html.indexOf('>', open);
    if (close < 0) break;
    parts.push(html.slice(at, open));
    let end = open + 1;
    if (html[end] === '/') end++;
    const nameStart = end;
    while (end < close && /[a-zA-Z0-9]/.test(html[end] ?? '')) end++;
    if (BLOCK_TAGS.has(html.slice(nameStart, end).toLowerCase())) parts.push('\n\n');
    at = close + 1;
  }
  parts.push(html.slice(at));
  return decodeEntities(parts.join(''));
}
