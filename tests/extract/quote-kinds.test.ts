import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/index.js';

const textsOf = (paragraphs: string[], lang?: string) => findQuotes(paragraphs, { lang }).map((quote) => quote.text);

describe('which marked words are quotations', () => {
  it('takes a title with the sentence’s comma or stop inside the marks for a title', () => {
    expect(
      textsOf([
        'The director Ana Ruiz, whose film "The Quiet Harbour Years," opened on Friday, said little.',
        'Her earlier work, "Songs for a Northern Town," argued that small places matter.',
      ]),
    ).toEqual([]);
  });

  it('keeps a short quotation in title case when its speaker follows it', () => {
    expect(textsOf(['"He Is No Ordinary Player," coach Mira Lund said after the match.'])).toEqual([
      'He Is No Ordinary Player,',
    ]);
  });

  it('does not take capitalised nouns for a title where every noun is capitalised', () => {
    expect(
      textsOf(
        [
          'Die Entscheidung sei „ein Zeichen der Hoffnung“, sagte Bürgermeister Jens Koller am Montag.',
          'Koller sagte, der Beschluss sei ein „Befreiungsschlag“ für die Stadt.',
        ],
        'de',
      ),
    ).toEqual(['ein Zeichen der Hoffnung', 'Befreiungsschlag']);
  });

  it('keeps a credited fragment that stands as a sentence of its own', () => {
    expect(textsOf(['„Wir nähen die Masken jetzt selbst“, sagt Jens Koller. „Mit eigenem Stoff.“'], 'de')).toEqual([
      'Wir nähen die Masken jetzt selbst',
      'Mit eigenem Stoff.',
    ]);
  });
});
