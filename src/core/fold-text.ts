/**
 * Text folded for matching: lower case, accents removed, every run of non-letters/digits one space.
 * Keyword matching and clustering compare folded text so "Zelenskyy's" and "zelenskyy s" meet.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
