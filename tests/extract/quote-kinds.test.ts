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

  it('drops a pull quote that repeats, shortened, a passage the article gives in full', () => {
    expect(
      textsOf([
        'Night nurse Kate Moran has worked at the hospital for nine years.',
        '"I take extra shifts at weekends just to pay the rent"',
        '"I take extra shifts at weekends and sometimes on holidays just to pay the rent," said Moran.',
      ]),
    ).toEqual(['I take extra shifts at weekends and sometimes on holidays just to pay the rent,']);
  });

  it('keeps a display quotation that joins two quotations of the article', () => {
    expect(
      textsOf([
        '"The ice tells a long story," said the glaciologist Ines Aranda. "One warm year is only a single page of it."',
        '"The ice tells a long story. One warm year is only a single page of it."',
      ]),
    ).toContain('The ice tells a long story. One warm year is only a single page of it.');
  });

  it('takes initials in marks for a name', () => {
    expect(textsOf(['Lawyer Ruth Hale said she had called Thomas "T.J." Brandt about the hearing.'])).toEqual([]);
  });

  it('does not count again a fragment that points back to words quoted earlier', () => {
    expect(
      textsOf([
        'The complaint says the builder "broke the safety rules," Inspector Ada Novak said.',
        'Lawyer Tom Reyes said the "safety rules" were never shown to his client.',
      ]),
    ).toEqual(['broke the safety rules,']);
  });

  it('takes a name once set in marks as a title for a title wherever it recurs', () => {
    expect(
      textsOf([
        'Singer Lea Marx said the award should have gone to the comedy "Lighthouse."',
        'Earlier, the "Lighthouse" writer Omar Said thanked the crew.',
      ]),
    ).toEqual([]);
  });

  it('keeps a short quotation its attribution clause follows, even with no speaker named', () => {
    expect(textsOf(['Podrían cerrar otra frontera en invierno. “Nadie sabe nada”, insistió.'], 'es')).toEqual([
      'Nadie sabe nada',
    ]);
  });

  it('keeps a short quotation that is a sentence of its own, even with no speaker named', () => {
    expect(textsOf(['Die Schließung war umstritten. Begründet wurde sie so: „Ordnung ist Schutz.“'], 'de')).toEqual([
      'Ordnung ist Schutz.',
    ]);
  });
});
