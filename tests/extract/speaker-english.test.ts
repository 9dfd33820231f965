/**
 * English attributions the sieve used to leave empty or get wrong (issue 14): where the speaker stands in the
 * sentence. Invented sentences in the shape of each case; each test fails without the rule it names.
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
});
