/**
 * Speaker rules added for issue 14 on the dev set's kinds of mistakes, each on invented sentences in the shape
 * of the problem: every test fails when its rule is removed.
 */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/index.js';

const speakersOf = (paragraphs: string[], lang = 'en'): (string | null)[] =>
  findQuotes(paragraphs, { lang }).map((quote) => quote.speaker);

describe('speakers in English news copy', () => {
  it('reads a name opened by a joined Arabic article ("al-Rashidi") as a name', () => {
    expect(
      speakersOf([
        'Water Minister Karim al-Rashidi said the dam inspection was complete.',
        '"The cracks we found are older than the storm itself," al-Rashidi said in a statement.',
      ]),
    ).toEqual(['Karim al-Rashidi']);
  });

  it('takes the speaker named after the verb when the quotation ran on into the sentence', () => {
    expect(
      speakersOf([
        '"Many families were worn out by the constant delays" in the housing plan, said Nora Blake, a planner at the county.',
      ]),
    ).toEqual(['Nora Blake']);
  });

  it('gives a relative clause ("X, who warned that …") to the name before "who"', () => {
    expect(
      speakersOf([
        'The minister met harbour master Ellen Voss, who warned that the new quay "will not be ready before the winter storms."',
      ]),
    ).toEqual(['Ellen Voss']);
  });

  it('reads "was quoted as saying" after an appositive name', () => {
    expect(
      speakersOf([
        '"We will not sign anything that cuts our fishing quota again," the envoy, Tomas Lindqvist, was quoted as saying.',
      ]),
    ).toEqual(['Tomas Lindqvist']);
  });

  it('looks past "on Tuesday" and "in a statement" between a speaker and the verb', () => {
    expect(
      speakersOf([
        'Inspector Grace Mbeki reviewed the accounts.',
        'Mbeki on Tuesday insisted, however, that "no money has gone missing from the fund at any point."',
      ]),
    ).toEqual(['Grace Mbeki']);
  });

  it('lets "it said" stand for a one-word company heard speaking just before', () => {
    expect(
      speakersOf([
        'In a statement, Zentrix said it had removed the faulty update.',
        '"Zentrix takes the safety of its customers seriously and has fixed the fault," it said.',
      ]),
    ).toEqual(['Zentrix']);
  });

  it('does not let "it" reach back to a company once the paragraph has named another', () => {
    expect(
      speakersOf([
        'In a statement, Zentrix said it had removed the faulty update.',
        'We put the findings to Corvana and were told it stands by its report. "After a second look, our report was accurate in every respect," it said.',
      ]),
    ).toEqual([null]);
  });

  it('hands on no speaker from a paragraph whose last quotation had none', () => {
    expect(
      speakersOf([
        '"We will appeal the ruling," said Dana Whitlock, the council leader.',
        '"This letter breaches the rights of our client in every respect," says the letter from the firm.',
        '"Our client expects a full apology within a week."',
      ]),
    ).toEqual(['Dana Whitlock', null, null]);
  });

  it('reads the name after a role and a comma ("said the Dutch analyst, Pieter Smit")', () => {
    expect(
      speakersOf([
        'Prices "will keep rising until the autumn at least," said the Dutch analyst, Peter Smit, on Monday.',
      ]),
    ).toEqual(['Peter Smit']);
  });

  it('says no one rather than a publication named in a clause about where words appeared', () => {
    expect(
      speakersOf([
        'In the interview, first printed by the Valley Courier, the former councillor argued that "the plan was never costed."',
      ]),
    ).toEqual([null]);
  });
});

describe('speakers introduced by a participle or described without a name', () => {
  it('gives ", saying: …" to the subject of the sentence, after a time phrase', () => {
    expect(
      speakersOf([
        'Earlier this week, Mayor Olivia Grant also ruled out new parking charges, saying: "Nobody should pay to visit a doctor."',
      ]),
    ).toEqual(['Olivia Grant']);
  });

  it('shows "one person", "another person" and "someone at the meeting" as written', () => {
    expect(
      speakersOf([
        '"That does not look like a park to me at all," said one person during public comment.',
        '"It is far too large for the valley," said another person.',
        '"That is a town, not a campsite, and everybody here knows it," said someone at the meeting.',
      ]),
    ).toEqual(['one person during public comment', 'another person', 'someone at the meeting']);
  });
});

describe('speakers in German copy', () => {
  it('reads "sagte Weikert zum Thema" as Weikert, not the capitalised noun after him', () => {
    expect(
      speakersOf(
        [
          'Verbandschef Thomas Weikert ist in Peking angekommen.',
          '"Wir stehen hinter allen Sportlerinnen und Sportlern", sagte Weikert zum Thema Meinungsfreiheit.',
        ],
        'de',
      ),
    ).toEqual(['Thomas Weikert']);
  });

  it('reads "so X:" before a quotation and names from sentences full of capitalised nouns', () => {
    expect(
      speakersOf(
        [
          'Der Philosoph Jonas Berger spricht über Arbeit und Maschinen.',
          'Die Debatte sei verfehlt, so Berger: "Wir reden über die Jobs von gestern."',
        ],
        'de',
      ),
    ).toEqual(['Jonas Berger']);
  });

  it('resolves "sagt er" to the one man the paragraph named, when nobody has spoken yet', () => {
    expect(
      speakersOf(
        ['So sieht es auch der Bürgermeister, Stefan Köhler. „Ich mache mir keine Sorgen um die Brücke“, sagt er.'],
        'de',
      ),
    ).toEqual(['Stefan Köhler']);
  });

  it('remembers "sagt X" after a comma, so a later "er" finds X and not the earlier speaker', () => {
    expect(
      speakersOf(
        [
          'Bahnchef Anton Keller und Busmanager Peter Brandt streiten über Preise.',
          '„Die Preise sinken bald“, sagte Keller.',
          'Das sei unfair, sagt Busmanager Brandt. Es sei „völlig unverständlich“, warnt er.',
        ],
        'de',
      ),
    ).toEqual(['Anton Keller', 'Peter Brandt']);
  });

  it('reads two names after a German role noun as a person even with an unlisted given name', () => {
    expect(
      speakersOf(
        [
          'Der Druck nimmt zu. Sportdirektor Dragomir Petrovic ist Tag und Nacht unterwegs. "Es ist intensiver denn je."',
        ],
        'de',
      ),
    ).toEqual(['Dragomir Petrovic']);
  });

  it('says no one when "er" could be the last speaker or a man this paragraph named since', () => {
    expect(
      speakersOf(
        [
          'Ex-Präsident Martin Vogel griff seinen Nachfolger Stefan Brandt an. „Er wusste alles“, sagte Vogel.',
          'Mit vielem hatte Brandt gerechnet, damit wohl nicht. „Ich kenne keine Kampagne“, sagte er.',
        ],
        'de',
      ),
    ).toEqual(['Martin Vogel', null]);
  });

  it('drops a role compound glued by a hyphen from the name ("Kabel-Nachrichtensender")', () => {
    expect(
      speakersOf(['Der Kabel-Nachrichtensender NTV berichtete, der Pegel sei „noch nie so hoch gewesen“.'], 'de'),
    ).toEqual(['NTV']);
  });
});
