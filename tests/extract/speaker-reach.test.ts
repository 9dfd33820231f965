/**
 * How far back a speaker may be found (issue 14): a pronoun reaches past the paragraph before when nobody else
 * has been named since, and never when someone else has. Invented sentences in the shape of each case.
 */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/index.js';

const speakersOf = (paragraphs: string[], lang = 'en', namesFrom?: string[]): (string | null)[] =>
  findQuotes(paragraphs, { lang, namesFrom }).map((quote) => quote.speaker);

describe('pronouns more than one paragraph back', () => {
  it('gives "he added" to the last speaker several paragraphs back when nobody else was named since', () => {
    expect(
      speakersOf([
        '"The harvest came in three weeks late," said Oskar Lindgren, who runs the cooperative.',
        'The delay cost the growers a good part of the season.',
        'Prices at the market fell again in the spring.',
        '"Next year we plant earlier or we do not plant at all," he added.',
      ]),
    ).toEqual(['Oskar Lindgren', 'Oskar Lindgren']);
  });

  it('leaves "he said" without a speaker when another person was named in full in between', () => {
    expect(
      speakersOf([
        '"The harvest came in three weeks late," said Oskar Lindgren, who runs the cooperative.',
        'The delay cost the growers a good part of the season.',
        'Prices fell after Martin Hale, a buyer from the city, left the market.',
        '"Next year we plant earlier or we do not plant at all," he said.',
      ]),
    ).toEqual(['Oskar Lindgren', null]);
  });

  it('does not reach back when the paragraph of the pronoun has named something else first', () => {
    expect(
      speakersOf([
        '"The harvest came in three weeks late," said Oskar Lindgren, who runs the cooperative.',
        'The delay cost the growers a good part of the season.',
        'We met Vasquez at the depot in Tarnby. "Nobody asked us before the road was closed," he said.',
      ]),
    ).toEqual(['Oskar Lindgren', null]);
  });

  it('in a language that drops pronouns, lets a bare "comentó" reach the last speaker two paragraphs back', () => {
    expect(
      speakersOf(
        [
          '"No habrá agua para todos este verano", advirtió Ramiro Quintana, ingeniero de la cuenca.',
          'Los embalses están al treinta por ciento de su capacidad.',
          '"Es una situación que no habíamos visto en décadas", comentó.',
        ],
        'es',
      ),
    ).toEqual(['Ramiro Quintana', 'Ramiro Quintana']);
  });

  it('does not take a one-word sentence subject for a headline phrase that ends in the same word', () => {
    expect(
      speakersOf(
        [
          '"We ask the soldiers to go home," said Ilyas Karimov in the recording.',
          'Karimov was last seen in the mountains near the border.',
          'Norway is the largest contributor of aid to the region.',
          '"They will leave and the valleys will be ours again," he says.',
        ],
        'en',
        ['Recording to Europe: Leave Norway'],
      ),
    ).toEqual(['Ilyas Karimov', 'Ilyas Karimov']);
  });
});

describe('quotations in a sentence whose subject names nobody', () => {
  it('continues the speaker of the quotation before it in German ("Das sei „…“")', () => {
    expect(
      speakersOf(
        [
          '„Wir bauen die Brücke bis zum Herbst fertig“, sagte Bauleiterin Karin Vogt. Das sei „eine Frage der Ehre für die Stadt“.',
        ],
        'de',
      ),
    ).toEqual(['Karin Vogt', 'Karin Vogt']);
  });

  it('continues the speaker of the quotation before it in English ("That was "…"")', () => {
    expect(
      speakersOf([
        '"We will reopen the pool in June," said Helen Marsh. That was "a promise to every family in town."',
      ]),
    ).toEqual(['Helen Marsh', 'Helen Marsh']);
  });
});

describe('a quotation after a sentence whose subject is a pronoun', () => {
  it('belongs to the person the pronoun stands for', () => {
    expect(
      speakersOf([
        '"The judges were far too kind this year," said Laura Penn.',
        'She also had no praise for the winner. "A good voice is not enough to last in this business."',
      ]),
    ).toEqual(['Laura Penn', 'Laura Penn']);
  });

  it('belongs to nobody when the pronoun does not fit the last speaker', () => {
    expect(
      speakersOf([
        '"The judges were far too kind this year," said Laura Penn.',
        'He also had no praise for the winner. "A good voice is not enough to last in this business."',
      ]),
    ).toEqual(['Laura Penn', null]);
  });
});

describe('definite descriptions', () => {
  it('gives "cette source" the described speaker brought in before, as written', () => {
    expect(
      speakersOf(
        [
          'La mairie paiera ses fournisseurs avant l’été, a assuré une source municipale, lundi.',
          '« Les factures de janvier sont déjà réglées, le reste suivra en mai », a poursuivi cette source municipale.',
        ],
        'fr',
      ),
    ).toEqual(['une source municipale']);
  });

  it('gives "der junge Soldat" the young soldier described before', () => {
    expect(
      speakersOf(
        [
          '„Hier kommt heute niemand mehr durch“, sagte ein junger Soldat.',
          '„Wir warten seit dem Morgen auf neue Befehle“, sagt der junge Soldat.',
        ],
        'de',
      ),
    ).toEqual(['ein junger Soldat', 'ein junger Soldat']);
  });

  it('does not give a description to the person heard before when it shares nothing with them', () => {
    expect(
      speakersOf([
        '"The dam will hold through the winter," said engineer Tom Greer.',
        '"Nobody told us the water would rise this fast," the farmer said.',
      ]),
    ).toEqual(['Tom Greer', null]);
  });
});

describe('definite subjects in a language that drops pronouns', () => {
  it('gives "El periodista ruso, …, advirtió" the person heard just before', () => {
    expect(
      speakersOf(
        [
          '“La censura llegó antes que la guerra”, alertó Igor Sokolov en Ginebra.',
          'El periodista ruso, que vive en el exilio desde marzo, advirtió que los “soldados de la mentira” dominan la televisión.',
        ],
        'es',
      ),
    ).toEqual(['Igor Sokolov', 'Igor Sokolov']);
  });

  it('does not take a newspaper named after "el periódico" for another person in between', () => {
    expect(
      speakersOf(
        [
          '“La censura llegó antes que la guerra”, alertó Igor Sokolov en Ginebra.',
          'El periodista ruso, cuyo periódico Nueva Voz fue cerrado en marzo, advirtió que los “soldados de la mentira” dominan la televisión.',
        ],
        'es',
      ),
    ).toEqual(['Igor Sokolov', 'Igor Sokolov']);
  });
});

describe('the speaker after the verb when a clause comes first', () => {
  it('reads "Auf die Frage, ob …, sagte Weber am Montag: „…“" as Weber', () => {
    expect(
      speakersOf(
        [
          'Stadträtin Martina Weber hat die Pläne verteidigt. Auf die Frage, ob der Bau teurer werde, sagte Weber am Montag im Rathaus: „Nein, der Preis steht seit dem Frühjahr fest.“',
        ],
        'de',
      ),
    ).toEqual(['Martina Weber']);
  });

  it('reads "…, sagt der Historiker X, und fügt hinzu: „…“" as X', () => {
    expect(
      speakersOf(
        [
          'Es ist nur eine Frage der Zeit, bis die Brücke ersetzt wird, sagt der Historiker Stefan Brandt, und fügt hinzu: „Das alte Bauwerk hat zwei Kriege überstanden, aber keinen Lastverkehr.“',
        ],
        'de',
      ),
    ).toEqual(['Stefan Brandt']);
  });
});

describe('German described subjects', () => {
  it('gives the quotation after "Ein älterer Beamter lacht, …" to that described man, and "der ältere Beamte" too', () => {
    expect(
      speakersOf(
        [
          'Am Tor stehen zwei Wagen der „Grenzpolizei“ aus Hessen. Ein älterer Beamter lacht, als wir nach dem Wetter fragen. „Hier regnet es seit drei Wochen jeden Tag.“',
          '„Wir bleiben trotzdem bis zum Abend hier draußen“, sagt der ältere Beamte.',
        ],
        'de',
      ),
    ).toEqual(['Ein älterer Beamter', 'Ein älterer Beamter']);
  });
});

describe('a pronoun when the paragraph has named someone else', () => {
  it('gives no speaker when another known person was named before, even if the last speaker is named after them', () => {
    expect(
      speakersOf(
        [
          '„Der Plan war ein schwerer Fehler“, sagte der frühere Präsident Klaus Berger.',
          'Mit vielem hatte Tobias Lindqvist gerechnet, aber nicht mit der Ära Berger. „Ich kenne keinen solchen Plan“, sagte er.',
        ],
        'de',
      ),
    ).toEqual(['Klaus Berger', null]);
  });
});

describe('a capitalised title as a definite description', () => {
  it('gives "remarcó el Presidente" the person heard just before, in a language that drops pronouns', () => {
    expect(
      speakersOf(
        [
          '“El presupuesto no se toca”, respondió Julio Medina en la conferencia.',
          '“Nadie es dueño del Gobierno y nadie lo será”, remarcó el Presidente desde Córdoba.',
        ],
        'es',
      ),
    ).toEqual(['Julio Medina', 'Julio Medina']);
  });
});
