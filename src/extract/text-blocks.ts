/** Cutting plain text into blocks (paragraphs), and mending paragraphs that a line break cut in two. */
import { isFirstName } from './first-names.js';
import { opensWithQuotationMark } from './quote-marks.js';
import { collapseWhitespace } from './text-utils.js';

/**
 * Splits normalised text into blocks at blank lines. Text with no blank lines at all is split at every line
 * break instead, as scrapers that drop blank lines still end each paragraph with one.
 */
export function splitTextBlocks(text: string): string[] {
  const lines = text.trim().split('\n');
  const hasBlankLines = lines.some((line) => line.trim() === '');
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push(collapseWhitespace(current.join(' ')));
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else {
      current.push(line);
      if (!hasBlankLines) flush();
    }
  }
  flush();
  return blocks.filter((block) => block.length > 0);
}

const endsMidSentence = (text: string): boolean => /[\p{Ll}\p{N},;–—-]$/u.test(text.slice(-1));
const startsMidSentence = (text: string): boolean => opensWithQuotationMark(text) || /^\p{Ll}/u.test(text);

/** "…the U.N.'s top representative here, Tom" + "Koenigs, said …": an ad or markup cut a full name in two. */
function cutInsideName(previous: string, next: string): boolean {
  const given = /[\s,]([\p{Lu}][\p{L}-]+)$/u.exec(previous.slice(-40))?.[1];
  return given !== undefined && isFirstName(given) && /^\p{Lu}[\p{L}'’-]+[\s,]/u.test(next);
}

/**
 * Joins a paragraph that stops mid-sentence with the next one when that one carries on the sentence
 * ("…and claimed that while" + "'Zelenskyy is ready to meet', …"): the break was the scraper's, not the writer's.
 */
export function mendBrokenParagraphs(paragraphs: string[]): string[] {
  const mended: string[] = [];
  for (const paragraph of paragraphs) {
    const previous = mended.at(-1);
    const broken = previous !== undefined && endsMidSentence(previous);
    if (broken && (startsMidSentence(paragraph) || cutInsideName(previous, paragraph))) {
      mended[mended.length - 1] = `${previous} ${paragraph}`;
    } else {
      mended.push(paragraph);
    }
  }
  return mended;
}
