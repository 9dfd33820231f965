/**
 * Speakers in German, French, Spanish and Portuguese copy (issue 14, "in more than English"), on invented
 * sentences in the shape of the dev set's mistakes: each test fails when its rule is removed.
 */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/index.js';

const speakersOf = (paragraphs: string[], lang: string): (string | null)[] =>
  findQuotes(paragraphs, { lang }).map((quote) => quote.speaker);

describe('articles by language', () => {
  it('reads Portuguese "a" as the definite article, not as an English "a" that opens a description', () => {
    expect(
      speakersOf(['"Ninguém sabia da viagem até ontem", diz a vizinha em entrevista gravada pela rádio local.'], 'pt'),
    ).toEqual([null]);
  });
});

describe('sentence subjects', () => {
  it('does not take a place after a preposition for the subject ("En la Casa Blanca se preguntan …")', () => {
    expect(
      speakersOf(
        [
          'En la Casa Blanca se preguntan "cuánto tiempo más podrá durar esta alianza de gobierno" sin nuevas elecciones.',
        ],
        'es',
      ),
    ).toEqual([null]);
  });

  it('finds the subject after an opening phrase set off by a comma ("Na saída, X conversou")', () => {
    expect(
      speakersOf(
        ['Na saída, Marta Ribeiro conversou com os jornalistas.', '"Vamos continuar o trabalho com calma", disse.'],
        'pt',
      ),
    ).toEqual(['Marta Ribeiro']);
  });
});

describe('German reported speech', () => {
  it('gives a quotation inside a Konjunktiv sentence to the speaker the paragraph quoted before it', () => {
    expect(
      speakersOf(
        [
          '„Wir prüfen alle Möglichkeiten“, sagte Anna Keller. Die Gemeinde habe „keine andere Wahl“, als die Brücke zu sperren.',
        ],
        'de',
      ),
    ).toEqual(['Anna Keller', 'Anna Keller']);
  });

  it('continues the previous paragraph’s speaker when the paragraph opens in reported speech', () => {
    expect(
      speakersOf(
        [
          '„Wir sind mit dem Punkt zufrieden“, sagte Markus Lenz nach dem Spiel.',
          'Umso wichtiger sei es, jetzt ruhig zu bleiben. „Die Mannschaft hat gezeigt, was sie kann.“',
        ],
        'de',
      ),
    ).toEqual(['Markus Lenz', 'Markus Lenz']);
  });

  it('gives nobody when a plain narrative sentence stands between', () => {
    expect(
      speakersOf(
        [
          '„Wir sind mit dem Punkt zufrieden“, sagte Markus Lenz nach dem Spiel.',
          'Das Stadion war ausverkauft. „Die Mannschaft hat gezeigt, was sie kann.“',
        ],
        'de',
      ),
    ).toEqual(['Markus Lenz', null]);
  });
});

describe('pull quotes', () => {
  it('credits a quotation repeated alone further down to whoever said it first, not to the last speaker', () => {
    expect(
      speakersOf(
        [
          '“La sequía de este año es la peor de las últimas tres décadas”, explica Lucía Moreno, hidróloga.',
          '“No esperamos lluvias antes de noviembre”, añadió Pedro Salas.',
          '“La sequía de este año es la peor de las últimas tres décadas en la región”',
        ],
        'es',
      ),
    ).toEqual(['Lucía Moreno', 'Pedro Salas', 'Lucía Moreno']);
  });
});

describe('German compound nouns', () => {
  it('finds "ein Sprecher" again in "der Firmen-Sprecher" and "der Firmensprecher"', () => {
    expect(
      speakersOf(
        [
          '„Wir prüfen den Vorfall gründlich“, sagte ein Sprecher.',
          '„Die Kunden wurden informiert“, sagte der Firmen-Sprecher am Abend.',
          '„Weitere Schritte folgen“, erklärte der Firmensprecher später.',
        ],
        'de',
      ),
    ).toEqual(['ein Sprecher', 'ein Sprecher', 'ein Sprecher']);
  });
});

describe('lead-ins that end on a colon', () => {
  const before = '„Die Arbeit wird sich grundlegend ändern“, sagt der Philosoph Karl Brenner.';

  it('hands on the previous paragraph’s speaker after "Seine Prognose im Radio:"', () => {
    expect(
      speakersOf([before, 'Seine Prognose im Radio: „Am Ende zählt, wer den Hafen zuerst ausbaut.“'], 'de'),
    ).toEqual(['Karl Brenner', 'Karl Brenner']);
  });

  it('still does when the lead-in quotes a title credited to nobody', () => {
    const lead = 'Seine Prognose in den „Abendgesprächen“ des Senders: „Am Ende zählt, wer den Hafen zuerst ausbaut.“';
    expect(speakersOf([before, lead], 'de')).toEqual(['Karl Brenner', 'Karl Brenner']);
  });
});

describe('dropped subjects', () => {
  it('gives "Y remató: «…»" to whoever spoke last', () => {
    expect(
      speakersOf(
        [
          'Marta Quiroga habló con la radio local. “No vamos a ceder ni un centímetro”, dijo. Y remató: «Si el club es nuestro, lo vamos a defender»',
        ],
        'es',
      ),
    ).toEqual(['Marta Quiroga', 'Marta Quiroga']);
  });

  it('reads "…”, y explicó que" as the same subject going on, not as a speaker of its own', () => {
    expect(
      speakersOf(
        [
          'Laura Méndez habló ayer en Madrid ante la prensa.',
          'Según Méndez, la sequía “no es un episodio pasajero como los anteriores” sino “el nuevo clima de toda la región”, y explicó que el agua escasea.',
        ],
        'es',
      ),
    ).toEqual(['Laura Méndez', 'Laura Méndez']);
  });

  it('does not let a name after "entre" (an object) make a dropped subject unsure', () => {
    expect(
      speakersOf(
        [
          'O acordo foi assinado por Bruno Teles na semana passada.',
          '"Não há crise alguma entre os Poderes neste momento", disse Lúcia Prado.',
          'A senadora do Avante pondera que nada justifica as ações adotadas entre Teles e o governo. "É um alarde sem fundamento algum", afirmou.',
        ],
        'pt',
      ),
    ).toEqual(['Lúcia Prado', 'Lúcia Prado']);
  });
});

describe('pronouns for described people', () => {
  const arrival = 'Eine Frau kommt mit dem Fahrrad über die Brücke. Sie wohnt auf der anderen Seite des Flusses.';

  it('gives "Sie findet …: „…“" to "Eine Frau" described earlier in the paragraph', () => {
    expect(speakersOf([`${arrival} Sie findet das seltsam: „Hier war noch nie eine Grenze zu sehen.“`], 'de')).toEqual([
      'Eine Frau',
    ]);
  });

  it('does not when the pronoun’s gender is not the description’s', () => {
    expect(speakersOf([`${arrival} Er findet das seltsam: „Hier war noch nie eine Grenze zu sehen.“`], 'de')).toEqual([
      null,
    ]);
  });
});

describe('French inverted attributions', () => {
  it('reads "a-t-il déclaré" as "il a déclaré"', () => {
    expect(
      speakersOf(
        ['Jean Dupont était à Lyon mardi. « Nous ne reculerons pas sur cette réforme », a-t-il déclaré.'],
        'fr',
      ),
    ).toEqual(['Jean Dupont']);
  });
});

describe('descriptions of people brought in with a role', () => {
  const quote = '„Wir werden das Gesetz noch in diesem Jahr ändern“, sagte die Ministerin.';

  it('gives "sagte die Ministerin" to "Die Ministerin Anna Keller" of an earlier paragraph', () => {
    expect(speakersOf(['Die Ministerin Anna Keller besuchte am Montag Köln.', quote], 'de')).toEqual(['Anna Keller']);
  });

  it('reads the role from an apposition ("Claire Morel, ministre de la Santé")', () => {
    expect(
      speakersOf(
        [
          'Claire Morel, ministre de la Santé, était à Lyon mardi.',
          '« Nous ne reculerons pas sur cette réforme », a déclaré la ministre.',
        ],
        'fr',
      ),
    ).toEqual(['Claire Morel']);
  });

  it('gives nobody when the paragraph names another person before the quotation, even as an object', () => {
    expect(
      speakersOf(
        [
          'Die Ministerin Anna Keller besuchte am Montag Petra Roth in Köln.',
          `Nach dem Treffen mit Roth war die Stimmung gelöst. ${quote}`,
        ],
        'de',
      ),
    ).toEqual([null]);
  });

  it('gives nobody when two people were brought in with that role', () => {
    expect(
      speakersOf(['Die Ministerin Anna Keller traf die Ministerin Petra Roth am Montag in Köln.', quote], 'de'),
    ).toEqual([null]);
  });
});

describe('views opened with "for X,"', () => {
  it('gives "Pour la ministre, « … »" to the minister brought in before', () => {
    expect(
      speakersOf(
        [
          'La ministre Claire Morel était à Lyon mardi.',
          'Pour la ministre, cette réforme est « la seule façon de sauver le système de santé ».',
        ],
        'fr',
      ),
    ).toEqual(['Claire Morel']);
  });

  it('gives "Para ela, …" to the woman who spoke just before', () => {
    expect(
      speakersOf(
        [
          '"Não vamos aceitar cortes na saúde pública", disse Ana Costa.',
          'Para ela, o orçamento deve ser "discutido com os municípios antes da votação final".',
        ],
        'pt',
      ),
    ).toEqual(['Ana Costa', 'Ana Costa']);
  });
});
