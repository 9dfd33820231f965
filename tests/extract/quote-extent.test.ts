import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/index.js';

const textsOf = (...paragraphs: string[]) => findQuotes(paragraphs).map((quote) => quote.text);

describe('the extent of a quotation', () => {
  it('closes a quotation whose nested quote ends it with a spaced mark', () => {
    expect(
      textsOf(
        `"We keep telling the young players, 'Forget the table and think about the next match.' " coach Dana Holm said.`,
      ),
    ).toEqual(["We keep telling the young players, 'Forget the table and think about the next match.'"]);
  });
});
