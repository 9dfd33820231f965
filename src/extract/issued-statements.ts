/**
 * "The ministry issued a statement saying …": the participle belongs to the statement, and the statement's words
 * are whoever issued it, the sentence's subject.
 */
import type { Token } from './tokens.js';

const ISSUING = new Set(`issued released published sent posted put made`.split(/\s+/));
const STATEMENTS = new Set(`statement statements release letter note message response reply`.split(/\s+/));

/** Whether the participle at `v` follows "issued a statement" (or "put out a statement", "released a letter"). */
export function followsIssuedStatement(tokens: Token[], v: number): boolean {
  if (!STATEMENTS.has(tokens[v - 1]?.text ?? '')) return false;
  let k = v - 2;
  // "a short statement", "a joint statement": one word between the article and the noun.
  if (!['a', 'an'].includes(tokens[k]?.text ?? '')) k--;
  if (!['a', 'an'].includes(tokens[k]?.text ?? '')) return false;
  const verb = tokens[k - 1]?.text === 'out' ? tokens[k - 2] : tokens[k - 1];
  return ISSUING.has(verb?.text ?? '');
}
