import { describe, expect, it } from 'vitest';
import { errorReply, textReply, type Digest } from '../../../src/core/reply.js';
import { createCallbackStore } from '../../../src/platforms/telegram/callback-store.js';
import { encodeReply } from '../../../src/platforms/telegram/encode.js';
import { renderEntryHtml, renderTelegramDigest } from '../../../src/platforms/telegram/render.js';
import { parseTelegramHtml } from '../../helpers/telegram-html.js';
import { bigDigest, HOSTILE, storyEntry } from '../story-fixtures.js';

const INVISIBLE = /[\u200b\u202e]/;

describe('Telegram rendering', () => {
  it('shows hostile feed text as text: markup, mentions and entities stay literal, invisible characters go', () => {
    const entry = storyEntry({
      headline: HOSTILE,
      source: `</i>${HOSTILE}`,
      alsoCoveredBy: ['<a href="x">Evil</a>'],
      quotes: [{ text: HOSTILE, speaker: '<b>Mallory</b>', paragraph: 0 }],
    });
    const html = renderEntryHtml(entry, 'UTC');
    const parsed = parseTelegramHtml(html);
    expect(parsed.text).toContain('@everyone <b>bold</b> **stars**');
    expect(parsed.text).toContain('&amp; Zerowidth');
    expect(parsed.text).toContain('— <b>Mallory</b>');
    expect(parsed.text).toContain('Also covered by <a href="x">Evil</a>');
    expect(parsed.text).not.toMatch(INVISIBLE);
    expect(parsed.links).toEqual(['https://news.example/bridge']);
  });

  it('links only http(s) addresses', () => {
    const html = renderEntryHtml(storyEntry({ url: 'javascript:alert(1)' }), 'UTC');
    expect(parseTelegramHtml(html).links).toEqual([]);
    expect(parseTelegramHtml(html).text).toContain('Council approves the new bridge');
  });

  it('shows quotations with their speakers and the time in the chat’s timezone', () => {
    const text = parseTelegramHtml(renderEntryHtml(storyEntry(), 'Asia/Tokyo')).text;
    expect(text).toContain('“This bridge will change the town”\n— Mayor Jane Doe');
    expect(text).toContain('Example News · 3 Mar 2025 17:12 GMT+9');
  });

  it('splits a long digest between stories, every message within 4096 characters, previews off', () => {
    const digest = bigDigest(40);
    const messages = renderTelegramDigest(digest);
    expect(messages.length).toBeGreaterThan(3);
    const seen: number[] = [];
    for (const message of messages) {
      expect(message.text.length).toBeLessThanOrEqual(4096);
      expect(message.link_preview_options).toEqual({ is_disabled: true });
      expect(message.parse_mode).toBe('HTML');
      const text = parseTelegramHtml(message.text).text;
      for (const match of text.matchAll(/Story number (\d+) & more/g)) {
        const number = Number(match[1]);
        seen.push(number);
        // The whole entry is in the same message as its headline: its speaker follows it.
        expect(text).toContain(`— Speaker ${number}`);
      }
    }
    expect(seen).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(parseTelegramHtml(messages[0]!.text).text).toMatch(/^📰 Morning digest\n\n▸ World/);
    expect(parseTelegramHtml(messages.at(-1)!.text).text).toMatch(/\+3 more — \/latest world$/);
  });

  it('shrinks a story too long for one message instead of cutting it across two', () => {
    const digest: Digest = {
      ...bigDigest(1),
      sections: [
        {
          topicSlug: 'x',
          topicName: 'X',
          more: 0,
          entries: [
            storyEntry({
              headline: '&'.repeat(5000),
              quotes: [
                { text: '<'.repeat(9000), speaker: '&'.repeat(900), paragraph: 0 },
                { text: '>'.repeat(9000), speaker: null, paragraph: 1 },
              ],
            }),
          ],
        },
      ],
    };
    const messages = renderTelegramDigest(digest);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text.length).toBeLessThanOrEqual(4096);
    expect(() => parseTelegramHtml(messages[0]!.text)).not.toThrow();
  });

  it('renders a digest with no stories as its title alone', () => {
    const messages = renderTelegramDigest({
      chatId: 'telegram:1',
      title: 'Empty <day>',
      timezone: 'UTC',
      sections: [],
    });
    expect(messages.map((message) => parseTelegramHtml(message.text).text)).toEqual(['📰 Empty <day>']);
  });
});

describe('Telegram replies', () => {
  const callbacks = createCallbackStore();

  it('escapes text replies and splits long ones on line breaks', () => {
    const lines = Array.from({ length: 400 }, (_, index) => `line ${index} <tag> & "quote"`);
    const messages = encodeReply(textReply(lines.join('\n'), { title: 'Big <list>' }), callbacks.dataFor);
    expect(messages.length).toBeGreaterThan(1);
    const texts = messages.map((message) => parseTelegramHtml(message.text).text);
    expect(texts.join('\n')).toBe(`Big <list>\n${lines.join('\n')}`);
    for (const message of messages) expect(message.text.length).toBeLessThanOrEqual(4096);
  });

  it('turns choices into an inline keyboard whose buttons carry their command line', () => {
    const long = `/subscribe ${'a'.repeat(80)}`;
    const reply = {
      ...textReply('Pick a topic'),
      choices: [
        { label: 'World <news>', command: '/subscribe world' },
        { label: 'Long', command: long },
      ],
    };
    const [message] = encodeReply(reply, callbacks.dataFor);
    const buttons = message!.reply_markup!.inline_keyboard.flat();
    expect(buttons[0]).toEqual({ text: 'World <news>', callback_data: '/subscribe world' });
    expect(Buffer.byteLength(buttons[1]!.callback_data)).toBeLessThanOrEqual(64);
    expect(callbacks.commandFor(buttons[1]!.callback_data)).toBe(long);
    expect(callbacks.commandFor('~unknown')).toBeNull();
  });

  it('marks errors and escapes them', () => {
    const [message] = encodeReply(errorReply('unknown topic <x>'), callbacks.dataFor);
    expect(parseTelegramHtml(message!.text).text).toBe('⚠️ unknown topic <x>');
  });

  it('previews only the top story’s lead image, in the first message, large and above the text', () => {
    const digest = bigDigest(40);
    const entries = digest.sections[0]!.entries;
    entries[0]!.imageUrl = 'https://img.news.example/top.jpg';
    entries[30]!.imageUrl = 'https://img.news.example/later.jpg';
    const [first, ...rest] = renderTelegramDigest(digest);
    expect(first!.link_preview_options).toEqual({
      url: 'https://img.news.example/top.jpg',
      prefer_large_media: true,
      show_above_text: true,
    });
    for (const message of rest) expect(message.link_preview_options).toEqual({ is_disabled: true });
  });

  it('shows no picture when the top story has none, rather than another story’s above the wrong headline', () => {
    const digest = bigDigest(3);
    digest.sections[0]!.entries[1]!.imageUrl = 'https://img.news.example/second.jpg';
    digest.sections[0]!.entries[2]!.imageUrl = 'javascript:alert(1)';
    for (const message of renderTelegramDigest(digest)) {
      expect(message.link_preview_options).toEqual({ is_disabled: true });
    }
  });
});
