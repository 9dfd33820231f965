/**
 * Pull quotes: a paragraph that is nothing but a quotation, repeating in short words the article gives in full
 * elsewhere (a <blockquote> or "exergue" set between paragraphs). The full passage is the quotation, or the
 * reporter's own words set in marks for display; either way the pull quote is not one more quotation.
 */

/** Fewer words than this may recur by chance. */
const MIN_WORDS = 6;
/** A page sets a few pull quotes; this bounds the work on a page that is all quotation. */
const MAX_CANDIDATES = 8;

interface Words {
  words: string[];
  /** Where each word starts and ends in its text. */
  starts: number[];
  ends: number[];
}

function wordsOf(text: string): Words {
  const result: Words = { words: [], starts: [], ends: [] };
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    result.words.push(match[0]);
    result.starts.push(match.index);
    result.ends.push(match.index + match[0].length);
  }
  return result;
}

/** Marks that end one quotation and start another; a stretch holding one joins two passages. */
const QUOTATION_MARKS = /["“”«»„‹›「」]/;

/**
 * Whether `short` occurs in order in `long`, gaps allowed, within one stretch not much longer than itself that
 * holds no quotation mark: a cut from one passage, not a join of two quotations.
 */
function abridges(short: string[], long: Words, longText: string): boolean {
  const first = short[0] ?? '';
  const reach = short.length * 2 + 10;
  const { words } = long;
  for (let start = words.indexOf(first); start >= 0; start = words.indexOf(first, start + 1)) {
    let matched = 1;
    let end = start;
    for (let j = start + 1; j < words.length && j - start < reach && matched < short.length; j++) {
      if (words[j] === short[matched]) {
        matched++;
        end = j;
      }
    }
    if (matched === short.length) return !QUOTATION_MARKS.test(longText.slice(long.starts[start], long.ends[end]));
  }
  return false;
}

/**
 * Of the paragraphs given as wholly quoted (`candidates`, paragraph indexes with their quotation), those whose
 * quotation another, longer paragraph holds in full.
 */
export function findPullQuotes(candidates: { paragraph: number; text: string }[], paragraphs: string[]): Set<number> {
  const pulled = new Set<number>();
  const words = new Map<number, Words>();
  const wordsAt = (index: number): Words => {
    let cached = words.get(index);
    if (cached === undefined) {
      cached = wordsOf(paragraphs[index] ?? '');
      words.set(index, cached);
    }
    return cached;
  };
  for (const { paragraph, text } of candidates.slice(0, MAX_CANDIDATES)) {
    const quoted = wordsOf(text).words;
    if (quoted.length < MIN_WORDS) continue;
    const holder = paragraphs.findIndex(
      (other, index) => index !== paragraph && other.length > text.length && abridges(quoted, wordsAt(index), other),
    );
    if (holder >= 0) pulled.add(paragraph);
  }
  return pulled;
}
