/**
 * Product names: "its Aurora Tarot app", "their Harbour Pay service". A capitalised run right after a possessive
 * determiner and before a lower-case noun names something owned, not a person, so it must not become the full name
 * that a lone "Aurora" (the company itself) resolves to.
 */
import { isFirstName } from './first-names.js';
import { isLowerCaseWord, type Token } from './tokens.js';

/** Determiners of ownership before a product's name. */
const OWNERS = new Set(['its', 'their', 'our', 'Its', 'Their', 'Our']);

/** Whether the capitalised run from `start` to `end` (exclusive) names a product: "its Aurora Tarot app". */
export function isProductName(tokens: Token[], start: number, end: number): boolean {
  return (
    OWNERS.has(tokens[start - 1]?.text ?? '') &&
    isLowerCaseWord(tokens[end]) &&
    end - start >= 2 &&
    !isFirstName(tokens[start]?.text ?? '')
  );
}
