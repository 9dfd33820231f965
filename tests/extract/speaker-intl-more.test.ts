/**
 * More kinds of speaker in German, French, Spanish and Portuguese copy (issue 14), on invented sentences in the
 * shape of the dev set's misses: each test fails when its rule is removed.
 */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/index.js';

const speakersOf = (paragraphs: string[], lang: string): (string | null)[] =>
  findQuotes(paragraphs, { lang }).map((quote) => quote.speaker);

describe('a German role before the name', () => {
  it('takes the person named after an office for the subject of a colon introduction', () => {
    expect(
      speakersOf(
        ['Die hessische Umweltministerin Petra Lindner sieht das anders: „Der Wald hat keine Zeit mehr.“'],
        'de',
      ),
    ).toEqual(['Petra Lindner']);
  });

  it('does not take a capitalised noun after the role for a name', () => {
    expect(
      speakersOf(['Die Umweltministerin Hessens sieht das anders: „Der Wald hat keine Zeit mehr.“'], 'de'),
    ).toEqual([null]);
  });
});

describe('people brought in by given name and age', () => {
  it('gives the inverted pronoun after the quotation to the one person brought in with an age', () => {
    expect(
      speakersOf(
        [
          'Le malaise grandit, comme le raconte Lucas, 29 ans, vacataire en histoire. « Je ne sais pas de quoi demain sera fait, confie-t-il devant la gare. Mon contrat finit en juin. »',
        ],
        'fr',
      ),
    ).toEqual(['Lucas', 'Lucas']);
  });

  it('reads the age in the next sentence ("… avec Inès. Cette étudiante de 21 ans …")', () => {
    expect(
      speakersOf(
        [
          'Plus loin, nous discutons avec Inès. Cette étudiante de 21 ans suit des cours de chimie. « Tout devient plus cher », soupire-t-elle.',
        ],
        'fr',
      ),
    ).toEqual(['Inès']);
  });

  it('reads Spanish and German ages ("Marta, de 34 años", "Jana (34)")', () => {
    expect(
      speakersOf(['En la plaza esperaba Marta, de 34 años, con sus hijos. "No hay trabajo", dijo ella.'], 'es'),
    ).toEqual(['Marta']);
    expect(speakersOf(['Vor dem Laden steht Jana (34). „Das ist mir zu teuer“, sagt sie.'], 'de')).toEqual(['Jana']);
  });

  it('gives no speaker when two people of that gender were brought in', () => {
    expect(
      speakersOf(['Nous croisons Lucas, 29 ans, et Hugo, 31 ans. « Personne ne nous écoute », lâche-t-il.'], 'fr'),
    ).toEqual([null]);
  });
});

describe('definite descriptions of someone heard before', () => {
  it('gives "sagt der Niederländer" to the person heard just before', () => {
    expect(
      speakersOf(
        [
          'Jan Visser ärgert sich über die Staus. „Das kostet uns jeden Tag eine Stunde.“',
          '„Früher war das Pendeln fast ein Vergnügen“, sagt der Niederländer.',
        ],
        'de',
      ),
    ).toEqual(['Jan Visser', 'Jan Visser']);
  });

  it('gives "indicó el diplomático" the described speaker of the paragraph before, of the same gender', () => {
    expect(
      speakersOf(
        [
          'El lunes un alto funcionario de la cancillería chilena aclaró que el país no cambiará su postura.',
          '“Seguimos atentos a cada movimiento en la frontera”, indicó el diplomático a la prensa local.',
        ],
        'es',
      ),
    ).toEqual(['un alto funcionario de la cancillería chilena']);
  });

  it('does not give a description of the other gender to the one heard before', () => {
    expect(
      speakersOf(
        [
          'El lunes un alto funcionario de la cancillería chilena aclaró que el país no cambiará su postura.',
          '“Seguimos atentos a cada movimiento en la frontera”, indicó la diplomática a la prensa local.',
        ],
        'es',
      ),
    ).toEqual([null]);
  });

  it('reads the source after "conforme", and a dropped subject goes on with it', () => {
    expect(
      speakersOf(
        [
          'A investigação avançou nesta semana. Conforme a prima da jovem, a família sabia de tudo.',
          '"Fui eu que levei ela ao médico naquela semana", diz a moça numa gravação entregue aos investigadores.',
          '"Ninguém mais sabia disso", diz mais adiante na gravação.',
        ],
        'pt',
      ),
    ).toEqual(['a prima da jovem', 'a prima da jovem']);
  });

  it('gives "sagt der Sprecher" as written when nobody was heard to speak for', () => {
    expect(
      speakersOf(
        ['Die Bäckerei hat ihre Öffnungszeiten verlängert. „Die Nachfrage ist enorm“, sagt der Sprecher.'],
        'de',
      ),
    ).toEqual(['der Sprecher']);
  });
});

describe('a pronoun after a newcomer', () => {
  it('gives the pronoun to the one person the paragraph brought in by full name, not to the last speaker', () => {
    expect(
      speakersOf(
        [
          '„Der Plan war ein schwerer Fehler“, sagte der frühere Präsident Klaus Berger.',
          'Gelassen bleibt dagegen der Landrat des Kreises, Jonas Hartwig. „Das sehe ich ganz anders“, sagt er.',
        ],
        'de',
      ),
    ).toEqual(['Klaus Berger', 'Jonas Hartwig']);
  });
});

describe('a paragraph still about the last speaker', () => {
  const first = '„Die Arbeit wird sich ändern“, sagt der Soziologe Martin Albrecht im Radio.';

  it('gives a quotation after a lead-in to the last speaker, when the paragraph names only that speaker', () => {
    expect(
      speakersOf(
        [first, 'Die Technik selbst hält Albrecht für harmlos. Sein Fazit: „Über den Fortschritt stimmt niemand ab.“'],
        'de',
      ),
    ).toEqual(['Martin Albrecht', 'Martin Albrecht']);
  });

  it('gives nobody when the paragraph names another known person too', () => {
    expect(
      speakersOf(
        [
          'Die Ministerin Jana Roth hatte widersprochen.',
          first,
          'Die Technik selbst hält Albrecht, anders als Roth, für harmlos. Sein Fazit: „Über den Fortschritt stimmt niemand ab.“',
        ],
        'de',
      ),
    ).toEqual(['Martin Albrecht', null]);
  });

  it('gives nobody to a word quoted inside a sentence about the speaker', () => {
    expect(
      speakersOf(
        [
          '"O Senado fará a sua parte", afirmou Renato Falcão na saída da reunião.',
          'As falas de Falcão são elogiadas por aliados, que o veem como "a única voz capaz de acalmar o plenário nesta crise".',
        ],
        'pt',
      ),
    ).toEqual(['Renato Falcão', null]);
  });
});

describe('words credited to a place or circle', () => {
  it('gives a plural verb without subject the circle after "desde", as written', () => {
    expect(
      speakersOf(
        [
          'El anuncio sorprendió a todos. “Nadie nos avisó de este cambio”, señalaron a este medio desde el bloque opositor.',
        ],
        'es',
      ),
    ).toEqual(['el bloque opositor']);
  });

  it('gives "se quejan en Palacio Municipal" the place, and "afirmam no Planalto" too', () => {
    expect(speakersOf(['“Eso no figura en la agenda”, se quejan en Palacio Municipal.'], 'es')).toEqual([
      'Palacio Municipal',
    ]);
    expect(speakersOf(['"Não há pressa para decidir isso", afirmam no Planalto.'], 'pt')).toEqual(['Planalto']);
  });

  it('does not read a manner for a place ("comentan en voz baja")', () => {
    expect(
      speakersOf(['“Aquí nadie sabe cuándo se abrirá la frontera”, comentan en voz baja en el puerto.'], 'es'),
    ).toEqual([null]);
  });
});

describe('the one person a paragraph quotes', () => {
  it('gives a quotation after a colon the speaker the paragraph credits later, when it names nobody else', () => {
    expect(
      speakersOf(
        [
          '« La rumeur est partie d’un message vocal », rappelle Claire Morel, professeure de sciences politiques.',
          'L’étude a ensuite suivi les partages en Europe.',
          'Dans la région, personne n’y a cru : « L’enregistrement parlait d’un laboratoire introuvable. » Tout a basculé après « un message du préfet », précise Mme Morel.',
        ],
        'fr',
      ),
    ).toEqual(['Claire Morel', 'Claire Morel', 'Claire Morel']);
  });

  it('leaves it without speaker when the paragraph names someone else too', () => {
    expect(
      speakersOf(
        [
          'Paul Girard avait prévenu ses collègues. Dans la région, personne n’y a cru : « L’enregistrement parlait d’un laboratoire introuvable. » Tout a basculé après « un message du préfet », précise Mme Claire Morel.',
        ],
        'fr',
      ),
    ).toEqual([null, 'Claire Morel']);
  });
});

describe('German plural described subjects', () => {
  it('gives "Einige Nachbarn riefen: „…“" to the neighbours as written', () => {
    expect(speakersOf(['Einige Nachbarn riefen ihr hinterher: „Das kennen wir schon von früher.“'], 'de')).toEqual([
      'Einige Nachbarn',
    ]);
  });
});

describe('German "heißt es"', () => {
  it('credits "hieß es in einer Mitteilung des Ministeriums" to the ministry the paragraph named', () => {
    expect(
      speakersOf(
        [
          'Das Gesundheitsministerium in München legte neue Zahlen vor. „Die Lage in den Kliniken bleibt angespannt“, hieß es in einer Mitteilung des Ministeriums.',
        ],
        'de',
      ),
    ).toEqual(['Gesundheitsministerium']);
  });

  it('credits a bare "heißt es" to the body the paragraph named before', () => {
    expect(
      speakersOf(
        ['Die Deutsche Bank hatte eine harte Woche hinter sich. „Wir haben zwanzig neue Schalter geöffnet“, heißt es.'],
        'de',
      ),
    ).toEqual(['Deutsche Bank']);
  });

  it('credits nobody when the paragraph named no body', () => {
    expect(
      speakersOf(['Es war eine harte Woche. „Wir haben zwanzig neue Schalter geöffnet“, heißt es.'], 'de'),
    ).toEqual([null]);
  });
});

describe('a described subject after an opening participle clause', () => {
  it('gives "Installée sur un banc, la vieille dame s’agace : « … »" to the woman heard just before', () => {
    expect(
      speakersOf(
        [
          '« Le quartier change trop vite », glisse Léa Martin, retraitée. Installée sur un banc du parc, la vieille dame s’agace pourtant des travaux : « Le bruit commence avant sept heures chaque matin. »',
        ],
        'fr',
      ),
    ).toEqual(['Léa Martin', 'Léa Martin']);
  });

  it('gives it nobody when the description is of the other gender', () => {
    expect(
      speakersOf(
        [
          '« Le quartier change trop vite », glisse Léa Martin, retraitée. Installé sur un banc du parc, le vieil homme s’agace pourtant des travaux : « Le bruit commence avant sept heures chaque matin. »',
        ],
        'fr',
      ),
    ).toEqual(['Léa Martin', null]);
  });
});

describe('a described subject that hears the person again', () => {
  it('keeps the researcher in reach of a later dropped subject ("la investigadora … sostiene" then "insistió")', () => {
    expect(
      speakersOf(
        [
          '“El glaciar retrocede cada año”, advirtió Irina Volkova en Santiago.',
          'Conocida por sus estudios sobre el clima, la investigadora sostiene que la sequía durará meses.',
          'El agua podría faltar también en toda la región de Cuyo. “Aquí ya no hay reglas”, insistió.',
        ],
        'es',
      ),
    ).toEqual(['Irina Volkova', 'Irina Volkova']);
  });

  it('keeps the senator in reach ("O senador passou …", then "o senador criticou … “…”")', () => {
    expect(
      speakersOf(
        [
          '"Não vamos aceitar ameaças ao Congresso", disse Paulo Teixeira ontem.',
          'O senador passou a tarde em reuniões com aliados.',
          'Na saída, o senador criticou os pedidos no que chamou de "ataques inaceitáveis às instituições da República".',
        ],
        'pt',
      ),
    ).toEqual(['Paulo Teixeira', 'Paulo Teixeira']);
  });
});

describe('a description of a body', () => {
  const paragraphs = [
    '“Las cifras son provisionales”, dijo Marta Ríos. Los datos deben ser confirmados por la Organización Hidrográfica Regional, con sede en Lima.',
    '“Todavía faltan mediciones de otras estaciones”, precisa el organismo.',
  ];

  it('gives "precisa el organismo" to the body named with that word, never to the person heard before', () => {
    expect(speakersOf(paragraphs, 'es')).toEqual(['Marta Ríos', 'Organización Hidrográfica Regional']);
  });
});
