/**
 * English speakers the sieve used to leave empty or get wrong (issue 14). Invented sentences in the shape of
 * each case; each test fails without the rule it names.
 */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/index.js';

const speakersOf = (paragraphs: string[]): (string | null)[] =>
  findQuotes(paragraphs, { lang: 'en' }).map((quote) => quote.speaker);

describe('English attribution', () => {
  it('trusts a one-word name that appeared before only in the possessive ("Governor Mbeki\'s visit")', () => {
    expect(
      speakersOf([
        'Officials prepared for Governor Mbeki’s visit to the flooded valley.',
        'Mbeki said the engineers could "finish the dam before the rains" if the money arrived.',
      ]),
    ).toEqual(['Mbeki']);
  });

  it('reads the subject before an aside set off by dashes ("X — a producer — told her")', () => {
    expect(
      speakersOf([
        'After the audition, Marcus Pell — a record producer long before the show began — told her, "You will sell more records than anyone here."',
      ]),
    ).toEqual(['Marcus Pell']);
  });

  it('gives the verb after a dashed aside to the subject, not to the speaker inside the aside', () => {
    expect(
      speakersOf([
        'Rebel commander Idris Haddad—who a spokesman for the group said had been expelled—said he believed the order was forged and blamed a "plot" by his rivals.',
      ]),
    ).toEqual(['Idris Haddad']);
  });

  it('finds the subject after an opening clause, for a later "he said"', () => {
    expect(
      speakersOf([
        'After he finishes touring the festivals and award shows, director Tomas Berglund could take "The Quiet Harbour" to hospitals.',
        '"Doctors want me to show this," he said.',
      ]),
    ).toEqual(['Tomas Berglund']);
  });

  it('gives a quotation after a colon to the subject that follows an opening clause', () => {
    expect(
      speakersOf([
        'Ines Calloway spent four years in the camp.',
        'When the rations ran short or the water tasted of mud, Calloway would tell herself: "This is not a hotel."',
      ]),
    ).toEqual(['Ines Calloway']);
  });

  it('gives "the church … calling" to the organisation the article named with that noun', () => {
    expect(
      speakersOf([
        'Andrew Pike alleges that the actor ranks second in the Harmonia Church.',
        'The church has responded with a long statement, calling the book "a hateful assault full of lies" and saying the actor "holds no post in the Church hierarchy."',
      ]),
    ).toEqual(['Harmonia Church', 'Harmonia Church']);
  });

  it('leaves "the church" without a speaker when the article named no such organisation', () => {
    expect(
      speakersOf([
        'Andrew Pike alleges that the actor ranks second in the Church hierarchy.',
        'The church has responded with a long statement, calling the book "a hateful assault full of lies."',
      ]),
    ).toEqual([null]);
  });

  it('gives "the former mayor argued" to the person heard just before', () => {
    expect(
      speakersOf([
        '"We cleaned up the harbour in four years," said Walter Brennan, who ran the city until 2019.',
        'In the speech, first reported by a local paper, the former mayor argued that most "crime happens on three streets."',
      ]),
    ).toEqual(['Walter Brennan', 'Walter Brennan']);
  });

  it('does not give "the resolution said" to the person heard just before', () => {
    expect(
      speakersOf([
        '"We cleaned up the harbour in four years," said Walter Brennan, who ran the city until 2019.',
        'The resolution said that the harbour works were "a matter for the port authority alone."',
      ]),
    ).toEqual(['Walter Brennan', null]);
  });

  it('gives "she replied" to the one known person the paragraph before named, when nobody has spoken', () => {
    expect(
      speakersOf([
        'Judge Marisol Okafor-Reyes was sworn in on Monday. Okafor-Reyes grew up in Tacoma.',
        'At a press conference, a reporter asked Okafor-Reyes, "What worries you most about the courts?"',
        '"Most of us never notice our own biases," she replied.',
      ]),
    ).toEqual(['a reporter', 'Marisol Okafor-Reyes']);
  });

  it('leaves "she replied" without a speaker when the paragraph before named two people she could be', () => {
    expect(
      speakersOf([
        'Judge Marisol Okafor-Reyes was sworn in on Monday. Dana Whitcombe, her clerk, stood beside her.',
        'At a press conference, a reporter asked Okafor-Reyes and Whitcombe, "What worries you most about the courts?"',
        '"Most of us never notice our own biases," she replied.',
      ]),
    ).toEqual(['a reporter', null]);
  });

  it('gives "it said" to the company a paragraph-opening "It said" stood for', () => {
    expect(
      speakersOf([
        'Many users of the Plumtree toolbar saw the ads.',
        'Plumtree, which disputes the label, claims the figures are far off the mark.',
        'It said ads for its Horoscope application included some for Love Meter. "We did not buy this ad ourselves," it said.',
      ]),
    ).toEqual(['Plumtree']);
  });

  it('gives "it said" to the known organisation the paragraph named last, however long ago it spoke', () => {
    expect(
      speakersOf([
        'The widget installs adware, security firm Norwatch warned last week.',
        'Norwatch said four per cent of users had installed it.',
        'The widget was disabled on Friday.',
        'Several users complained to the site.',
        'We put these claims to Norwatch and were told it stands by its research. "Our research was accurate," it said.',
      ]),
    ).toEqual(['Norwatch']);
  });

  it('gives "the label said" to the record label the article introduced', () => {
    expect(
      speakersOf([
        'The singer signed with Bluefin Records in 2019.',
        '"We wish her well in her future career," the label said in a statement.',
      ]),
    ).toEqual(['Bluefin Records']);
  });

  it('gives "the committee said" to the committee named before rather than to another body that spoke earlier', () => {
    expect(
      speakersOf([
        '"Our accounts are in order," Harlow Bank said in March.',
        'The bank was later questioned by the Treasury Oversight Committee.',
        'Nothing more was heard until the summer.',
        '"The bank misled us," the committee said in its report.',
      ]),
    ).toEqual(['Harlow Bank', 'Treasury Oversight Committee']);
  });

  it('reads "said museum director Ada Lint" as the person, not the museum', () => {
    expect(
      speakersOf([
        'The gallery received a gift from the Lint Art Museum.',
        '"We wanted the collection to stay in the city," said museum director Ada Lint.',
      ]),
    ).toEqual(['Ada Lint']);
  });

  it('gives a quotation to a group that speaks, as written ("police officers shouted")', () => {
    expect(speakersOf(['"Get down on the ground," police officers shouted.'])).toEqual(['police officers']);
  });

  it('does not read a group out of the middle of a clause ("more than forty residents said")', () => {
    expect(speakersOf(['"The road is closed," more than forty residents said.'])).toEqual([null]);
  });

  it('gives a quotation joined by "and that" to the next quotation\'s speaker', () => {
    expect(
      speakersOf([
        'Saying that "the reef is dying" and that "the fishing towns will follow," Dr. Ana Ruiz warned the panel.',
      ]),
    ).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });

  it('finds the subject after a connective and an opening phrase, for the quotation after its sentence', () => {
    expect(
      speakersOf([
        'Nevertheless, after the vote in Brussels, Ana Ruiz was worried about the harbour. "We lost a year."',
      ]),
    ).toEqual(['Ana Ruiz']);
  });

  it('finds the subject after a long opening clause, for the quotation after its sentence', () => {
    expect(
      speakersOf([
        'When the last of the rations ran short and the water in the old camp tasted of mud and rust, Ana Ruiz kept a diary. "I counted the days."',
      ]),
    ).toEqual(['Ana Ruiz']);
  });

  it('gives "the 45-year-old said" to the person just named', () => {
    expect(
      speakersOf(['Grace Holt, 45, was arrested in May.', '"I never touched the money," the 45-year-old said.']),
    ).toEqual(['Grace Holt']);
  });

  it('does not give a quotation to the subject of the clause that follows it ("…", while X warned)', () => {
    expect(
      speakersOf([
        'The Treasury said the cost would be "manageable", while the Bank of England warned of "significant risks".',
      ]),
    ).toEqual(['Treasury', 'Bank of England']);
  });

  it('reads "Opposition leader Sam Kerr was scathing:" as Sam Kerr, not the word before the role', () => {
    expect(speakersOf(['Opposition leader Sam Kerr was scathing: "It is a betrayal of every voter."'])).toEqual([
      'Sam Kerr',
    ]);
  });

  it('does not take the object of the subject\'s verb for the subject ("Reyes met chief executive Tom Ashby")', () => {
    expect(
      speakersOf([
        'The talks were led by Mayor Dan Reyes.',
        'Reyes met chief executive Tom Ashby and said: "It went badly for all of us."',
      ]),
    ).toEqual(['Dan Reyes']);
  });

  it('reads a long attribution after a quotation that ends on "!" instead of continuing the speaker before', () => {
    expect(
      speakersOf([
        '"I am blown away by the size of this project," said Ruth Nagel, who chairs the lake association.',
        '"This is far too large for a lake this size!" said a caller from the western shore of the lake.',
      ]),
    ).toEqual(['Ruth Nagel', 'a caller from the western shore of the lake']);
  });

  it('keeps the relative clause of "someone who …" when it ends the sentence', () => {
    expect(
      speakersOf(['"This is far too large for a lake this size!" said someone who called into the meeting.']),
    ).toEqual(['someone who called into the meeting']);
  });

  it('still reads "the company behind the game" as the company: only a title after the body makes it a role', () => {
    expect(
      speakersOf([
        'The software developer Ferrow Apps was fined on Monday.',
        '"We will appeal against this decision in the courts," said the company behind the game.',
      ]),
    ).toEqual(['Ferrow Apps']);
  });

  it('continues the last speaker in a paragraph whose narrative names nobody before its quotation', () => {
    expect(
      speakersOf([
        '"I know what I am talking about," said Victor Hale, the head judge.',
        'Moreover, the contestants know the drill when they sign up. "They have seen the show. They know what they are in for."',
      ]),
    ).toEqual(['Victor Hale', 'Victor Hale']);
  });

  it('does not continue the last speaker when the narrative before the quotation names someone', () => {
    expect(
      speakersOf([
        '"I know what I am talking about," said Victor Hale, the head judge.',
        'The contestants, coached by Maria Lund, know the drill. "They have seen the show. They know what they are in for."',
      ]),
    ).toEqual(['Victor Hale', null]);
  });

  it('reads past any adverb in -ly between a speaker and the verb', () => {
    expect(speakersOf(['"We will rebuild the bridge by spring," Mayor Dan Reyes unexpectedly announced.'])).toEqual([
      'Dan Reyes',
    ]);
  });

  it('reads "pledged … that" and "answered" as reporting verbs', () => {
    expect(
      speakersOf([
        'Transit chief Ola Brandt, who took office in May, pledged to the board that the line "would open before the winter."',
        '"Not this year," Brandt answered when asked about fares.',
      ]),
    ).toEqual(['Ola Brandt', 'Ola Brandt']);
  });

  it('gives "the president said" to the person written with that office, not to the last speaker', () => {
    expect(
      speakersOf([
        'President Ada Lyle faces a challenge from Tom Ashby.',
        '"We will win this race," said Tom Ashby, the challenger.',
        '"He is wrong about the economy," the president said.',
      ]),
    ).toEqual(['Tom Ashby', 'Ada Lyle']);
  });

  it('gives "the chief said" to the person introduced as "fire chief"', () => {
    expect(
      speakersOf([
        'Fire chief Liam Shore praised the staff.',
        '"Without them, we would be counting the dead," the chief said.',
      ]),
    ).toEqual(['Liam Shore']);
  });

  it('gives "she added" to the last woman heard when only a man has spoken or been named since', () => {
    expect(
      speakersOf([
        '"It is the worst harvest in memory," said farmer Anna Pike.',
        'Her neighbour, Robert Hale, sold his cattle in March.',
        '"We had no choice," he said.',
        '"Nobody will buy the land either," she added.',
      ]),
    ).toEqual(['Anna Pike', 'Robert Hale', 'Anna Pike']);
  });
});
