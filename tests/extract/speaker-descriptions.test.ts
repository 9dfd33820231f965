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

describe('a pronoun and the one person the paragraph named', () => {
  it('gives "affirme-t-elle" the person named just before whose given name carries no gender', () => {
    expect(
      speakersOf(
        [
          'Dans la salle des fêtes, Jean-Claude Morvan, maire du village, présente le projet. « Ce pont, c’est notre avenir, affirme-t-il. Nous le construirons avant la fin de l’année prochaine. »',
        ],
        'fr',
      ),
    ).toEqual(['Jean-Claude Morvan', 'Jean-Claude Morvan']);
  });

  it('leaves the pronoun without a speaker when two such people were named', () => {
    expect(
      speakersOf(
        [
          'Dans la salle des fêtes, Jean-Claude Morvan et Dominique Lefort présentent le projet. « Ce pont, c’est notre avenir, affirme-t-il. Nous le construirons avant la fin de l’année prochaine. »',
        ],
        'fr',
      ),
    ).toEqual([null, null]);
  });
});

describe('a short lead-in before a colon', () => {
  it('hands the quotation after "Ernster Nachsatz:" to the speaker of the paragraph before', () => {
    expect(
      speakersOf(
        [
          '„Ich schalte das Telefon ab und fahre an die See“, scherzt Jonas Albrecht nach dem Training.',
          'Ernster Nachsatz: „Ich brauche wirklich ein paar Tage Ruhe, sonst halte ich das nicht mehr lange durch.“',
        ],
        'de',
      ),
    ).toEqual(['Jonas Albrecht', 'Jonas Albrecht']);
  });

  it('does not hand it on when the lead-in names someone else', () => {
    const speakers = speakersOf(
      [
        '„Ich schalte das Telefon ab und fahre an die See“, scherzt Jonas Albrecht nach dem Training.',
        'Die Antwort von Tobias Lindqvist: „Ich brauche wirklich ein paar Tage Ruhe, sonst halte ich das nicht durch.“',
      ],
      'de',
    );
    expect(speakers[0]).toBe('Jonas Albrecht');
    expect(speakers[1]).not.toBe('Jonas Albrecht');
  });
});

describe('a pronoun after a new person described in its paragraph', () => {
  it('leaves "schrieb er" without a speaker when "Der Mann" was brought in after the last speaker', () => {
    expect(
      speakersOf(
        [
          'Der Berliner Landesbeauftragte Thomas Vogler warnt vor den Folgen. „Die Meldung muss binnen drei Tagen erfolgen“, sagte er.',
          'Reporter fanden die Person, die die Unterlagen verbreitet hat. Der Mann schreibt seit Jahren in einschlägigen Foren. „Ich habe das getan, weil ich gegen diese Geschäfte bin“, schrieb er.',
        ],
        'de',
      ),
    ).toEqual(['Thomas Vogler', null]);
  });

  it('still gives "sagte er" the speaker heard in the paragraph before when nobody new was described', () => {
    expect(
      speakersOf(
        [
          'Der Berliner Landesbeauftragte Thomas Vogler warnt vor den Folgen. „Die Meldung muss binnen drei Tagen erfolgen“, sagte er.',
          '„Wer das versäumt, muss mit einer hohen Geldbuße rechnen“, sagte er.',
        ],
        'de',
      ),
    ).toEqual(['Thomas Vogler', 'Thomas Vogler']);
  });
});

describe('a sentence that points back at the words just quoted', () => {
  it('gives the quotation to the subject of "Con esa frase, …" after it', () => {
    expect(
      speakersOf(
        [
          '“Nadie manda aquí más que los vecinos del barrio”. Con esa frase, Julio Medina respondió a las críticas de la oposición.',
        ],
        'es',
      ),
    ).toEqual(['Julio Medina']);
  });

  it('gives nobody when the next sentence only opens with a name, pointing at nothing', () => {
    expect(
      speakersOf(
        ['“Nadie manda aquí más que los vecinos del barrio”. Julio Medina respondió a las críticas de la oposición.'],
        'es',
      ),
    ).toEqual([null]);
  });
});
