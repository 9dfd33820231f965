import { describe, expect, it } from 'vitest';
import { displayQuote } from '../../src/core/digest/build.js';
import { packEntries } from '../../src/core/digest/pack.js';
import { plainText, truncateUnits } from '../../src/core/digest/plain-text.js';
import { renderDigestText } from '../../src/core/digest/render-text.js';
import type { Digest, StoryEntry } from '../../src/core/reply.js';

const HOSTILE = '@everyone <b>bold</b> **stars** [x](https://evil.example) <@123>\u200b\u202e\u001b[31m\nNEXT ENTRY';

const entry = (overrides: Partial<StoryEntry> = {}): StoryEntry => ({
  storyIds: [1],
  headline: 'Council approves the new bridge',
  url: 'https://news.example/bridge',
  source: 'Example News',
  time: '2025-03-03T08:12:00.000Z',
  alsoCoveredBy: ['Other Outlet'],
  quotes: [{ text: 'This bridge will change the town', speaker: 'Mayor Jane Doe', paragraph: 1 }],
  ...overrides,
});

const digest = (sections: Digest['sections']): Digest => ({
  chatId: 'console:local',
  title: 'World — Monday 3 March',
  timezone: 'Europe/Paris',
  sections,
});

describe('the plain-text digest', () => {
  it('shows headline, source, local time, other outlets, quotes with speakers, the link and the "+K more" line', () => {
    const text = renderDigestText(digest([{ topicSlug: 'world', topicName: 'World', entries: [entry()], more: 3 }]));
    expect(text).toBe(
      [
        'World — Monday 3 March',
        '',
        '• Council approves the new bridge',
        // A past year's story shows its year; the zone is the chat's (Europe/Paris).
        '  Example News · 3 Mar 2025 09:12 CET · also covered by Other Outlet',
        '  “This bridge will change the town” — Mayor Jane Doe',
        '  https://news.example/bridge',
        '+3 more — /latest world',
      ].join('\n'),
    );
  });

  it('heads each section when several topics go out together', () => {
    const text = renderDigestText(
      digest([
        { topicSlug: 'world', topicName: 'World', entries: [entry()], more: 0 },
        { topicSlug: 'sport', topicName: 'Sport', entries: [entry({ headline: 'Cup final tonight' })], more: 0 },
      ]),
    );
    expect(text).toContain('■ World\n• Council');
    expect(text).toContain('■ Sport\n• Cup final tonight');
  });

  it('prints hostile feed text as one inert line: no escapes, no invisible characters, no fake entry', () => {
    const text = renderDigestText(
      digest([
        {
          topicSlug: 'world',
          topicName: 'World',
          entries: [
            entry({
              headline: HOSTILE,
              source: HOSTILE,
              url: 'javascript:alert(1)',
              quotes: [{ text: HOSTILE, speaker: HOSTILE, paragraph: 0 }],
            }),
          ],
          more: 0,
        },
      ]),
    );
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u200b\u202e]/);
    expect(text).toContain('• @everyone <b>bold</b> **stars** [x](https://evil.example) <@123>[31m NEXT ENTRY');
    expect(text.split('\n').filter((line) => line.startsWith('•'))).toHaveLength(1);
    expect(text).not.toContain('javascript:');
    expect(plainText(' a \u200b b\r\n\tc ')).toBe('a b c');
  });
});

describe('packEntries', () => {
  it('fills each part with whole entries up to the limit, never splitting one', () => {
    const items = ['aaaa', 'bbbb', 'cccc', 'dd', 'eeeeeeeeeeeeeeeeeeee', 'f'];
    const measure = (chunk: readonly string[]): number => chunk.join('\n').length;
    const parts = packEntries(items, measure, 10);
    expect(parts).toEqual([['aaaa', 'bbbb'], ['cccc', 'dd'], ['eeeeeeeeeeeeeeeeeeee'], ['f']]);
    expect(parts.flat()).toEqual(items);
  });

  it('measures whole parts, so a limit on the count of entries works too', () => {
    const parts = packEntries([1, 2, 3, 4, 5, 6, 7], (chunk) => chunk.length, 3);
    expect(parts).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(packEntries([], (chunk) => chunk.length, 3)).toEqual([]);
  });
});

describe('a quotation shown on its own', () => {
  it('ends with a full stop where the article led on into "she said", and keeps other endings', () => {
    const quote = { text: 'We will be back next winter,', speaker: 'Ana Ruiz', paragraph: 2 };
    expect(displayQuote(quote)).toEqual({ ...quote, text: 'We will be back next winter.' });
    const question = { text: 'Who pays for it?', speaker: null, paragraph: 0 };
    expect(displayQuote(question)).toBe(question);
  });
});

describe('cutting feed text to a platform limit', () => {
  it('never splits a grapheme: emoji joined by zero-width joiners, accents, surrogate pairs', () => {
    const family = '👨‍👩‍👧';
    expect(truncateUnits(`${'A'.repeat(70)}${family}${'B'.repeat(10)}`, 80)).toBe(`${'A'.repeat(70)}${family}B…`);
    expect(truncateUnits(`${'C'.repeat(75)}${family} Gazette`, 80)).toBe(`${'C'.repeat(75)}…`);
    expect(truncateUnits('e\u0301e\u0301e\u0301', 4)).toBe('e\u0301…');
    expect(truncateUnits('x😀😀', 3)).toBe('x…');
    expect(truncateUnits('short', 80)).toBe('short');
    // The joiner survives cleaning inside an emoji sequence, and only there.
    expect(plainText(`${family} a\u200db`)).toBe(`${family} ab`);
  });
});
