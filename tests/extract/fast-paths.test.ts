/**
 * The speed-ups of issue 10 that replace a general form with a faster one must give the same answers: each is
 * checked here against the general form it replaced, over every character the fast form claims to handle.
 */
import { describe, expect, it } from 'vitest';
import {
  comparisonKey,
  countWords,
  isLatin1OrPunctuation,
  isLetterOrDigitAt,
  LATIN1_NOT_LETTER,
} from '../../src/extract/text-utils.js';
import { stripInertMarkup } from '../../src/extract/inert-markup.js';

/** Every character of Latin-1 and of General Punctuation (U+2000–U+206F). */
const FAST_RANGE = [
  ...Array.from({ length: 0x100 }, (_, code) => code),
  ...Array.from({ length: 0x70 }, (_, i) => 0x2000 + i),
].map((code) => String.fromCharCode(code));

const generalKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('Latin-1 fast paths', () => {
  it('counts every Latin-1 and general punctuation character as in the fast range, and nothing beyond it', () => {
    expect(FAST_RANGE.every((ch) => isLatin1OrPunctuation(ch))).toBe(true);
    expect(['Ā', 'İ', '\u212a', 'Σ', '⁰', '€', '中', '😀'].some((ch) => isLatin1OrPunctuation(ch))).toBe(false);
  });

  it('gives the comparison key the Unicode classes give, for every character of the fast range', () => {
    for (const ch of FAST_RANGE) {
      for (const text of [`Ab${ch}Cd`, `${ch}x ${ch}`, ch, `${ch}${ch} 9`])
        expect(comparisonKey(text)).toBe(generalKey(text));
    }
  });

  it('gives the comparison key of text beyond the fast range by the Unicode classes', () => {
    for (const text of ['İstanbul’da «Σ» ΣΟΦΙΑ', 'Ärzte — €5 ¾ “Bürger” ⁰', 'Кремль: «нет»', '😀 a 😀']) {
      expect(comparisonKey(text)).toBe(generalKey(text));
    }
  });

  it('splits lower-cased text of the fast range into letter runs as \\p{L} does', () => {
    for (const ch of FAST_RANGE) {
      const text = `a${ch}b ${ch}${ch}c`.toLowerCase();
      expect(text.split(LATIN1_NOT_LETTER)).toEqual(text.split(/[^\p{L}]+/u));
    }
  });
});

describe('letters and digits by code unit', () => {
  it('agrees with \\p{L} and \\p{N} for every UTF-16 code unit, asked twice, and is false past the end', () => {
    for (let round = 0; round < 2; round++) {
      for (let code = 0; code < 0x10000; code++) {
        const ch = String.fromCharCode(code);
        expect(isLetterOrDigitAt(`-${ch}`, 1)).toBe(/[\p{L}\p{N}]/u.test(ch));
      }
    }
    expect(isLetterOrDigitAt('ab', 2)).toBe(false);
  });

  it('counts words as runs of non-space characters holding a letter or digit, and CJK text by two characters', () => {
    expect(countWords('The mayor said — “no” 42 times.')).toBe(6);
    expect(countWords(' – … ')).toBe(0);
    expect(countWords('Bürgermeisterin sagte: «Ça va», señor')).toBe(5);
    expect(countWords('東京都の知事は言った')).toBe(5);
    expect(countWords('Tokyo 東京')).toBe(1);
    expect(countWords('')).toBe(0);
  });
});

describe('stripInertMarkup without lower-casing the page', () => {
  it('removes inert elements whatever the case of their tags', () => {
    expect(stripInertMarkup('<p>a</p><SCRIPT>x</Script><p>b</p><sTyLe>y</STYLE><IFRAME src=x></iframe>c')).toBe(
      '<p>a</p><p>b</p>c',
    );
    expect(stripInertMarkup('<Script type="APPLICATION/LD+JSON">{}</SCRIPT><p>a</p>')).toBe(
      '<Script type="APPLICATION/LD+JSON">{}</SCRIPT><p>a</p>',
    );
  });

  it('reads a page holding İ or the Kelvin sign as the lower-cased page, as before', () => {
    // Lower-cased, İ becomes two characters and K becomes k: positions are those of the lower-cased page.
    expect(stripInertMarkup('<p>İ</p><script>x</script><p>b</p>')).toBe('<p>İ</p><p>b</p>');
    expect(stripInertMarkup('<p>\u212a</p><script>x</script>tail')).toBe('<p>\u212a</p>tail');
  });
});
