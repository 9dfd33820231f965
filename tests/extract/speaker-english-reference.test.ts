/**
 * English speakers found by reference (issue 14): pronouns, offices, organisations named before, and paragraphs
 * that go on with the last speaker. Invented sentences in the shape of each case; each test fails without its rule.
 */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/index.js';

const speakersOf = (paragraphs: string[]): (string | null)[] =>
  findQuotes(paragraphs, { lang: 'en' }).map((quote) => quote.speaker);

describe('English speakers by reference', () => {
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

  it('gives "the 45-year-old said" to the person just named', () => {
    expect(
      speakersOf(['Grace Holt, 45, was arrested in May.', '"I never touched the money," the 45-year-old said.']),
    ).toEqual(['Grace Holt']);
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
