/**
 * Quotations and speakers in French, Spanish and Portuguese copy (issue 14), on invented sentences in the shape
 * of the dev set's mistakes: each test fails when its rule is removed.
 */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/index.js';

const quotesOf = (paragraphs: string[], lang: string): [string | null, string][] =>
  findQuotes(paragraphs, { lang }).map((quote) => [quote.speaker, quote.text]);

describe('French quotations with the attribution inside the marks', () => {
  it('splits «…, affirme-t-elle. …» into two quotations of the same speaker', () => {
    expect(
      quotesOf(
        [
          'Claire Dubois, infirmière à Lyon, raconte sa semaine. « Nous travaillons sans pause depuis lundi, affirme-t-elle. Personne ne peut tenir ce rythme longtemps. »',
        ],
        'fr',
      ),
    ).toEqual([
      ['Claire Dubois', 'Nous travaillons sans pause depuis lundi'],
      ['Claire Dubois', 'Personne ne peut tenir ce rythme longtemps.'],
    ]);
  });

  it('splits «…, explique X, rôle. …» and credits the named speaker', () => {
    expect(
      quotesOf(
        [
          '« Le chantier a pris du retard, explique Julien Marchand, architecte de la ville. Les travaux reprendront au printemps prochain. »',
        ],
        'fr',
      ),
    ).toEqual([
      ['Julien Marchand', 'Le chantier a pris du retard'],
      ['Julien Marchand', 'Les travaux reprendront au printemps prochain.'],
    ]);
  });

  it('leaves a quotation whole when the comma is followed by no reporting verb', () => {
    expect(quotesOf(['« Ce pont, construit en 1890, reste solide », assure Paul Girard.'], 'fr')).toEqual([
      ['Paul Girard', 'Ce pont, construit en 1890, reste solide'],
    ]);
  });
});

describe('Spanish and Portuguese speakers', () => {
  it('resolves a surname written with an accent the full name did not carry', () => {
    expect(
      quotesOf(
        [
          'El escritor ruso Sergei Baranov habló en Ginebra.',
          '“No descartaría una nueva escalada en la región”, alertó Baránov ante la prensa.',
        ],
        'es',
      ),
    ).toEqual([['Sergei Baranov', 'No descartaría una nueva escalada en la región']]);
  });

  it('reads the name after an aside between the verb and the speaker ("opina en cambio X")', () => {
    expect(
      quotesOf(
        [
          '“El dato es correcto”, dijo Carlos Ortega, del instituto.',
          '“Tenemos muchas dudas sobre ese dato”, opina en cambio Sergio Lara, meteorólogo.',
        ],
        'es',
      ),
    ).toEqual([
      ['Carlos Ortega', 'El dato es correcto'],
      ['Sergio Lara', 'Tenemos muchas dudas sobre ese dato'],
    ]);
  });

  it('takes a subject named after its role and before a party in brackets for a later "ele afirmou"', () => {
    expect(
      quotesOf(
        [
          '"O acordo está fechado", disse Paulo Mendes na segunda-feira.',
          'O presidente da Câmara, Ricardo Alves (PP-SP), não participou do encontro. Ele afirmou que é preciso "baixar a temperatura" entre os Poderes.',
        ],
        'pt',
      ),
    ).toEqual([
      ['Paulo Mendes', 'O acordo está fechado'],
      ['Ricardo Alves', 'baixar a temperatura'],
    ]);
  });

  it('gives no speaker rather than the party a described person belongs to', () => {
    expect(
      quotesOf(['Na semana passada, o senador do Avante afirmou que "não há qualquer ameaça às eleições".'], 'pt'),
    ).toEqual([[null, 'não há qualquer ameaça às eleições']]);
  });
});
