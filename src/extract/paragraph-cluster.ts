/**
 * A second opinion on where an article's text is, for the rare page where Readability's choice is tiny next
 * to the page's paragraphs (issue 14 item 7: on a print view it kept only the "This page was printed from …"
 * footer). Paragraphs of one story sit side by side under one parent; navigation, teasers and footers hold
 * at most a few short ones each.
 */
import { selectAll, textOf, type DomDocument, type DomElement } from './dom.js';

/** Below this many characters of body text, Readability's choice is checked against the page's paragraphs. */
export const TINY_MAIN_TEXT = 500;
/** A paragraph shorter than this is a label, not story text (Readability's own floor for scoring one). */
const MIN_PARAGRAPH_CHARS = 25;
/** How many times the chosen text the paragraph cluster must hold to replace it. */
const BETTER_BY = 3;

/**
 * The element whose child paragraphs hold the most text, when that text is at least `BETTER_BY` times
 * `chosenLength` and more than TINY_MAIN_TEXT; else null.
 */
export function largestParagraphCluster(doc: DomDocument, chosenLength: number): DomElement | null {
  const totals = new Map<DomElement, number>();
  for (const paragraph of selectAll(doc, 'p')) {
    const length = textOf(paragraph).length;
    const parent = paragraph.parentElement;
    if (length >= MIN_PARAGRAPH_CHARS && parent) totals.set(parent, (totals.get(parent) ?? 0) + length);
  }
  let best: DomElement | null = null;
  let bestLength = Math.max(chosenLength * BETTER_BY, TINY_MAIN_TEXT);
  for (const [parent, length] of totals) {
    if (length > bestLength) {
      best = parent;
      bestLength = length;
    }
  }
  return best;
}
