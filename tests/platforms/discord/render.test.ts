import { describe, expect, it } from 'vitest';
import { errorReply, textReply } from '../../../src/core/reply.js';
import { createCustomIdStore } from '../../../src/platforms/discord/custom-ids.js';
import { encodeReply } from '../../../src/platforms/discord/encode.js';
import { escapeMarkdown } from '../../../src/platforms/discord/markdown.js';
import { embedSize, entryEmbed, renderDiscordDigest } from '../../../src/platforms/discord/render.js';
import { bigDigest, HOSTILE, storyEntry } from '../story-fixtures.js';

/** Whether Discord would read markdown or a mention in `text`: an unescaped special character. */
const unescaped = (text: string): string[] =>
  [...text.matchAll(/(\\*)([*_~`|<>[\]()])/g)].filter((match) => match[1]!.length % 2 === 0).map((match) => match[2]!);

describe('Discord markdown escaping', () => {
  it('leaves no markdown, mention or link syntax active in feed text', () => {
    const escaped = escapeMarkdown(HOSTILE);
    expect(unescaped(escaped)).toEqual([]);
    expect(escaped).not.toContain('@everyone');
    expect(escaped).toContain('@\u200beveryone');
    expect(escaped).not.toMatch(/[\u202e]/);
    expect(escapeMarkdown('# Heading\n- item\n1. first')).toBe('\\# Heading\n\\- item\n1\\. first');
  });
});

describe('Discord digests', () => {
  it('puts each story in one embed, at most 10 embeds and 6000 characters per message, mentions off', () => {
    const parts = renderDiscordDigest(bigDigest(45, 800));
    expect(parts.length).toBeGreaterThanOrEqual(5);
    const headlines: string[] = [];
    for (const { message, postTitle } of parts) {
      expect(postTitle).toBe('Morning digest');
      expect(message.allowed_mentions).toEqual({ parse: [] });
      expect(message.embeds!.length).toBeLessThanOrEqual(10);
      expect(message.embeds!.reduce((sum, embed) => sum + embedSize(embed), 0)).toBeLessThanOrEqual(6000);
      for (const embed of message.embeds!) {
        expect(embed.description!.length).toBeLessThanOrEqual(4096);
        expect(embed.title!.length).toBeLessThanOrEqual(256);
        headlines.push(embed.title!);
      }
    }
    expect(headlines).toEqual(Array.from({ length: 45 }, (_, index) => `Story number ${index + 1} & more`));
    expect(parts[0]!.message.content).toBe('📰 **Morning digest**');
    expect(parts[0]!.message.embeds![0]!.author).toEqual({ name: 'World' });
    expect(parts.at(-1)!.message.embeds!.at(-1)!.description).toMatch(/\*\+3 more — \/latest world\*$/);
  });

  it('shows quotations with speakers, the outlet and the time, escaping all of it', () => {
    const embed = entryEmbed(
      storyEntry({
        headline: '**Breaking** <@1>',
        quotes: [{ text: 'We _will_ build', speaker: '@here', paragraph: 0 }],
      }),
      { topicName: 'Local' },
    );
    expect(embed.title).toBe('\\*\\*Breaking\\*\\* \\<@1\\>');
    expect(embed.description).toBe('> “We \\_will\\_ build”\n> — **@\u200bhere**');
    expect(embed.footer).toEqual({ text: 'Local · Example News' });
    expect(embed.timestamp).toBe('2025-03-03T08:12:00.000Z');
    expect(embed.url).toBe('https://news.example/bridge');
    expect(entryEmbed(storyEntry({ url: 'javascript:alert(1)' })).url).toBeUndefined();
  });

  it('shows a story’s lead image as the embed’s thumbnail, only an http(s) one', () => {
    const picture = 'https://img.news.example/bridge.jpg';
    expect(entryEmbed(storyEntry({ imageUrl: picture })).thumbnail).toEqual({ url: picture });
    expect(entryEmbed(storyEntry({ imageUrl: picture })).image).toBeUndefined();
    expect(entryEmbed(storyEntry({ imageUrl: 'javascript:alert(1)' })).thumbnail).toBeUndefined();
    expect(entryEmbed(storyEntry({ imageUrl: null })).thumbnail).toBeUndefined();
  });
});

describe('Discord replies', () => {
  const ids = createCustomIdStore();

  it('answers errors and configuration privately, stories publicly', () => {
    expect(encodeReply(errorReply('no <such> topic'), ids.idFor)).toMatchObject({
      ephemeral: true,
      messages: [{ embeds: [{ description: '⚠️ no \\<such\\> topic' }] }],
    });
    expect(encodeReply(textReply('Subscribed.', { ephemeral: true }), ids.idFor).ephemeral).toBe(true);
    const stories = encodeReply(
      { kind: 'stories', title: 'Latest in world', entries: [storyEntry()], timezone: 'UTC' },
      ids.idFor,
    );
    expect(stories.ephemeral).toBe(false);
    expect(stories.messages[0]!.embeds).toHaveLength(1);
  });

  it('splits a long text reply into several embeds within the limits', () => {
    const text = Array.from({ length: 900 }, (_, index) => `line ${index}: *not bold*`).join('\n');
    const { messages } = encodeReply(textReply(text, { title: 'Help' }), ids.idFor);
    const descriptions = messages.flatMap((message) => message.embeds!.map((embed) => embed.description!));
    expect(descriptions.length).toBeGreaterThan(3);
    for (const description of descriptions) expect(description.length).toBeLessThanOrEqual(4096);
    expect(descriptions.join('\n').split('\n')).toHaveLength(900);
    expect(messages[0]!.embeds![0]!.title).toBe('Help');
  });

  it('turns choices into buttons that carry their command line', () => {
    const long = `/subscribe ${'x'.repeat(120)}`;
    const { messages } = encodeReply(
      {
        kind: 'text',
        text: 'Pick one',
        choices: [
          { label: 'World', command: '/subscribe world' },
          { label: 'Long', command: long },
        ],
      },
      ids.idFor,
    );
    const [row] = messages[0]!.components as { components: { custom_id: string; label: string }[] }[];
    expect(row!.components[0]).toMatchObject({ label: 'World', custom_id: 'nb:/subscribe world' });
    expect(row!.components[1]!.custom_id.length).toBeLessThanOrEqual(100);
    expect(ids.commandFor(row!.components[1]!.custom_id)).toBe(long);
    expect(ids.commandFor('someone-else')).toBeNull();
  });
});
