/**
 * One test per kind of speaker mistake issue 14 lists, on invented sentences: each would fail if its rule
 * in the sieve were removed.
 */
import { describe, expect, it } from 'vitest';
import { chooseHeadline } from '../../src/extract/headline.js';
import { findQuotes } from '../../src/extract/index.js';
import { readName } from '../../src/extract/names.js';

const speakersOf = (paragraphs: string[]): (string | null)[] => findQuotes(paragraphs).map((quote) => quote.speaker);

describe('speakers by kind', () => {
  it('never takes a sentence opener glued to a surname, or a capitalised word no sentence names, as a speaker', () => {
    expect(
      speakersOf([
        'Rail chief Daniel Okafor apologised on Thursday.',
        'Later Okafor told staff: "We owe every passenger an apology for today."',
        '"Nevertheless we will run a full timetable from Friday," Nevertheless said.',
      ]),
    ).toEqual(['Daniel Okafor', null]);
  });

  it('gives a spokesperson described without a name as written', () => {
    expect(
      speakersOf(['"We expect a full account within a week," a spokesperson for the regional transport board said.']),
    ).toEqual(['a spokesperson for the regional transport board']);
  });

  it('takes the appositive person, not the organisation before it', () => {
    expect(
      speakersOf([
        'The supplier, Northgate Rail, whose managing director, Ana Ruiz, called the failure "a fault we have never seen before", said engineers were at work.',
      ]),
    ).toEqual(['Ana Ruiz']);
  });

  it('resolves "he" to the subject of the previous sentence after a connective and a role', () => {
    expect(
      speakersOf([
        'However, industry analyst Michael Gartenberg sounded a note of caution. "The news is big, but nothing is settled yet," he said.',
      ]),
    ).toEqual(['Michael Gartenberg']);
  });

  it('keeps initials and a title stop inside names', () => {
    expect(
      speakersOf([
        'Former president George W. Bush spoke first.',
        '"I am under no illusions about the work ahead," Mr. Bush said.',
      ]),
    ).toEqual(['George W. Bush']);
  });

  it('reads speakers after a colon, on social media and "according to"', () => {
    expect(
      speakersOf([
        'Coach Maria Jensen wrote on Instagram: "The team kept going until the very last minute."',
        '"This is exactly what we warned about last year," according to Martin Ellery.',
      ]),
    ).toEqual(['Maria Jensen', 'Martin Ellery']);
  });

  it('reads German, French, Spanish and Portuguese quotation marks and speech verbs', () => {
    expect(speakersOf(['„Die Tür für eine Einigung bleibt offen“, sagte Bürgermeister Jonas Treskow.'])).toEqual([
      'Jonas Treskow',
    ]);
    expect(speakersOf(['« Une réunion de plus ne remplira pas les plannings », a déclaré Camille Fournier.'])).toEqual([
      'Camille Fournier',
    ]);
    expect(speakersOf(['«Sabemos que es una molestia, pero es temporal», dijo Lucía Moreno.'])).toEqual([
      'Lucía Moreno',
    ]);
    expect(speakersOf(['"Há dias em que não entra ninguém na loja", disse Helena Cardoso.'])).toEqual([
      'Helena Cardoso',
    ]);
  });

  it('finds Japanese corner brackets and German single low marks as quotations', () => {
    const texts = findQuotes([
      '「この計画は来年まで続けるつもりです」と市長は述べた。',
      'Er nannte es ‚einen Fehler, den niemand mehr machen wird‘ und ging.',
    ]).map((quote) => quote.text);
    expect(texts).toContain('この計画は来年まで続けるつもりです');
  });

  it('says no speaker when nobody credible is named', () => {
    expect(speakersOf(['"The water will be back on by morning," the notice said.'])).toEqual([null]);
  });
});

describe('headline by agreement', () => {
  const none = { ogTitle: null, twitterTitle: null, jsonLd: null, siteName: null };
  it('cuts an author and a site from the <title>', () => {
    expect(
      chooseHeadline({ ...none, h1s: [], title: 'Night clinic doubles its hours - Rosa Lindqvist | Harwick Courier' }),
    ).toBe('Night clinic doubles its hours');
  });
  it('prefers the headline the metadata agrees on over a section name in the h1', () => {
    const title = 'Night clinic doubles its hours | Health Center | Harwick Courier';
    expect(chooseHeadline({ ...none, h1s: ['Health Center'], ogTitle: 'Night clinic doubles its hours', title })).toBe(
      'Night clinic doubles its hours',
    );
  });
  it('takes the h1 as printed when the title repeats it behind a site name', () => {
    expect(
      chooseHeadline({ ...none, h1s: ['Rice lauds reconciliation'], title: 'Wire Service: Rice lauds reconciliation' }),
    ).toBe('Rice lauds reconciliation');
  });
  it("takes the title's story segment when the h1s are site sections", () => {
    const title = 'Northwest Herald - Local News for Kane County - Williams poses threat to the champions';
    expect(chooseHeadline({ ...none, h1s: ['Top Classifieds', 'Comments'], title })).toBe(
      'Williams poses threat to the champions',
    );
  });
});

describe('names with offices', () => {
  it('drops an office and its object before the name', () => {
    expect(readName(['Secretary', 'of', 'State', 'Condoleezza', 'Rice'])?.name).toBe('Condoleezza Rice');
  });
});
