import { describe, expect, it } from 'vitest';
import { findQuotes, selectKeyQuotes } from '../../src/extract/index.js';

const quotesOf = (...paragraphs: string[]) => findQuotes(paragraphs).map((quote) => [quote.text, quote.speaker]);

describe('findQuotes', () => {
  it('tells quoting marks from apostrophes and plural possessives', () => {
    expect(
      quotesOf(
        "Ms Reid said the players' union 'will not accept a deal that ignores the leaders' level of pay', adding it hasn't decided.",
      ),
    ).toEqual([["will not accept a deal that ignores the leaders' level of pay", 'Reid']]);
  });

  it('gives each part of a split quotation the same speaker', () => {
    expect(quotesOf('“We tried everything we could,” said Anna Berg. “In the end the weather beat us.”')).toEqual([
      ['We tried everything we could,', 'Anna Berg'],
      ['In the end the weather beat us.', 'Anna Berg'],
    ]);
  });

  it('continues a quotation that runs on into the next paragraph', () => {
    expect(
      quotesOf(
        '“The first thing we did was call the coastguard and count everyone on board.',
        '“Then we waited for the helicopter,” said skipper Tom Lane.',
      ),
    ).toEqual([
      ['The first thing we did was call the coastguard and count everyone on board.', 'Tom Lane'],
      ['Then we waited for the helicopter,', 'Tom Lane'],
    ]);
  });

  it('drops an unclosed mark that no paragraph continues', () => {
    expect(quotesOf('He said "this will never end well for the town', 'The meeting ended at noon.')).toEqual([]);
  });

  it('ignores fragments, scare quotes and titles of works', () => {
    expect(quotesOf('Critics called the plan "a disgrace" after the film "The Long Road Home" opened.')).toEqual([]);
  });

  it('resolves surnames, titles and pronouns to the full name used earlier', () => {
    expect(
      quotesOf(
        'Prime Minister Elena Marsh arrived in Lisbon on Monday.',
        '"We are here to listen, and then to act," Ms Marsh said.',
        '"Nothing is off the table," she added.',
      ),
    ).toEqual([
      ['We are here to listen, and then to act,', 'Elena Marsh'],
      ['Nothing is off the table,', 'Elena Marsh'],
    ]);
  });

  it('keeps organisations as organisations and resolves "the company"', () => {
    expect(
      quotesOf(
        "A Network Rail spokesman said: 'Our teams are working through the night to reopen the line.'",
        "'We expect trains to run normally by Friday,' the company said.",
      ),
    ).toEqual([
      ['Our teams are working through the night to reopen the line.', 'Network Rail'],
      ['We expect trains to run normally by Friday,', 'Network Rail'],
    ]);
  });

  it('gives null, never a bare pronoun, when nobody credible is named', () => {
    expect(quotesOf('"It was the loudest bang I have ever heard," she said.')).toEqual([
      ['It was the loudest bang I have ever heard,', null],
    ]);
    // A described speaker is shown as written, like "a resident" (issue 14's labels: "one person", "another person").
    expect(quotesOf('"We were told nothing at all about it," one resident said.')).toEqual([
      ['We were told nothing at all about it,', 'one resident'],
    ]);
  });

  it('reads an unmarked blockquote as one quotation credited by its lead-in', () => {
    const found = findQuotes(
      [
        'The minister, Karl Vos, wrote on his blog:',
        'Our schools deserve better than another year of delay and excuses.',
      ],
      {
        blockquotes: new Set([1]),
      },
    );
    expect(found).toEqual([
      { text: 'Our schools deserve better than another year of delay and excuses.', speaker: 'Karl Vos', paragraph: 1 },
    ]);
  });
});

describe('selectKeyQuotes', () => {
  const quote = (text: string, speaker: string | null, paragraph: number) => ({ text, speaker, paragraph });

  it('prefers complete sentences with named speakers, one per speaker first', () => {
    const quotes = [
      quote('This is a complete sentence of more than eight words, she said.', 'Ana Ruiz', 1),
      quote('Another complete sentence from the same person, long enough to count.', 'Ana Ruiz', 2),
      quote('only a fragment that begins in lower case and runs on', 'Ben Cole', 3),
      quote('Nobody named said this sentence, which is long enough to count.', null, 0),
      quote('A second speaker says something complete and long enough here.', 'Ben Cole', 4),
      quote('Too short to count.', 'Cy Dorn', 0),
    ];
    const chosen = selectKeyQuotes(quotes, 6);
    expect(chosen.map((item) => item.speaker)).toEqual(['Ana Ruiz', 'Ben Cole', 'Ana Ruiz']);
  });
});
