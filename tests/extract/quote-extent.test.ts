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

  it('reads a quotation inside a quotation in the same curly marks to the outer closing mark', () => {
    expect(
      textsOf('“Some of it was “fake news”, made to mislead people, and some was simply unchecked,” said Lena Ortiz.'),
    ).toEqual(['Some of it was “fake news”, made to mislead people, and some was simply unchecked,']);
  });

  it('closes a curly opening mark with a straight one when the paragraph has no curly closer', () => {
    expect(
      textsOf('“Nobody here doubts who forced the break with the party leadership", said Marta Gil on the radio.'),
    ).toEqual(['Nobody here doubts who forced the break with the party leadership']);
  });

  it('runs on a quotation left open even when it holds a quotation in single marks', () => {
    expect(
      textsOf(
        "The firm rejected the report. \"At no stage does our program install anything. Any claim that it was 'quietly added' is false.",
        '"We have checked every single download since March," it said.',
      ),
    ).toEqual([
      "At no stage does our program install anything. Any claim that it was 'quietly added' is false.",
      'We have checked every single download since March,',
    ]);
  });

  it('leaves out an inverted attribution whose clause runs on to the end of its sentence', () => {
    expect(
      findQuotes(
        [
          'Paul Mercier, 41 ans, enseigne la chimie. « Je ne sais pas si je serai payé, confie-t-il en sortant de la réunion. Mon contrat finit en juin. »',
        ],
        { lang: 'fr' },
      ).map((quote) => quote.text),
    ).toEqual(['Je ne sais pas si je serai payé', 'Mon contrat finit en juin.']);
  });

  it('ends a quotation never closed at its last sentence when a new quotation opens', () => {
    expect(
      textsOf(
        '"We will not sign," the minister told reporters. "The talks are over for now. She added that "the door is still open if they change course."',
      ),
    ).toEqual(['We will not sign,', 'The talks are over for now.', 'the door is still open if they change course.']);
  });
});
