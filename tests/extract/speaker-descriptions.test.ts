/**
 * Descriptions that stand for a speaker heard before (issue 14), per language. Invented sentences in the shape
 * of each case.
 */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/index.js';

const speakersOf = (paragraphs: string[], lang = 'en'): (string | null)[] =>
  findQuotes(paragraphs, { lang }).map((quote) => quote.speaker);

describe('Portuguese definite descriptions', () => {
  it('gives "O deputado afirmou" the person heard just before', () => {
    expect(
      speakersOf(
        [
          '“O orçamento precisa ser revisto”, disse Marcos Teixeira na quarta-feira.',
          'O deputado afirmou: “Não vamos aceitar cortes na saúde”.',
        ],
        'pt',
      ),
    ).toEqual(['Marcos Teixeira', 'Marcos Teixeira']);
  });

  it('leaves "a" in English an indefinite article: "a farmer said" is a description as written', () => {
    expect(
      speakersOf(['“The rain never came this year,” said Carla Mendes.', '“We lost half the crop,” a farmer said.']),
    ).toEqual(['Carla Mendes', 'a farmer']);
  });
});
