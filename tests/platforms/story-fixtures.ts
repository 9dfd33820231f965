import type { Digest, StoryEntry } from '../../src/core/reply.js';

/** Feed text that tries everything: markup, mentions, Markdown, entities and invisible characters. */
export const HOSTILE =
  '@everyone <b>bold</b> **stars** _under_ `code` ||spoiler|| [x](https://evil.example) <@123> &amp; Zero\u200bwidth\u202e';

export function storyEntry(overrides: Partial<StoryEntry> = {}): StoryEntry {
  return {
    storyIds: [1],
    headline: 'Council approves the new bridge',
    url: 'https://news.example/bridge',
    source: 'Example News',
    time: '2025-03-03T08:12:00.000Z',
    alsoCoveredBy: [],
    quotes: [{ text: 'This bridge will change the town', speaker: 'Mayor Jane Doe', paragraph: 1 }],
    ...overrides,
  };
}

/** A digest of `count` stories in one topic, each headline numbered so tests can find it. */
export function bigDigest(count: number, quoteLength = 400): Digest {
  return {
    chatId: 'telegram:1',
    title: 'Morning digest',
    timezone: 'Europe/London',
    sections: [
      {
        topicSlug: 'world',
        topicName: 'World',
        more: 3,
        entries: Array.from({ length: count }, (_, index) =>
          storyEntry({
            storyIds: [index + 1],
            headline: `Story number ${index + 1} & more`,
            url: `https://news.example/${index + 1}`,
            alsoCoveredBy: ['Other Outlet', 'Third Outlet'],
            quotes: [
              { text: `${'word '.repeat(quoteLength / 5)}`.trim(), speaker: `Speaker ${index + 1}`, paragraph: 1 },
              { text: 'A second, shorter quotation', speaker: null, paragraph: 2 },
            ],
          }),
        ),
      },
    ],
  };
}
