/**
 * Asides set off by dashes between a subject and its verb: "Simon — a record producer long before the show —
 * told her", "Taliban commander Ali Rahim—who a spokesman said had been expelled—said". The subject stands
 * before the opening dash; a reporting verb inside the aside belongs to the aside.
 */
import type { Token } from './tokens.js';

/** Dashes that open and close an aside; a hyphen counts only as a token of its own (" - "). */
const ASIDE_DASHES = new Set(['—', '–', '-', '―']);
/** An aside longer than this is no aside but a second clause. */
const MAX_ASIDE_TOKENS = 25;

/** When `close` is the dash that ends an aside, the index of the dash that opened it; else -1. */
export function asideOpening(tokens: Token[], close: number): number {
  if (!ASIDE_DASHES.has(tokens[close]?.text ?? '')) return -1;
  for (let i = close - 1; i >= Math.max(0, close - MAX_ASIDE_TOKENS); i--) {
    const text = tokens[i]?.text ?? '';
    if (ASIDE_DASHES.has(text)) return i > 0 && tokens[i - 1]?.word ? i : -1;
    // A sentence stop or a quotation between the dashes: not one aside.
    if (text === '.' || text === ';' || text === '"' || text === '“' || text === '”') return -1;
  }
  return -1;
}
