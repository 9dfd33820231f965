import { describe, expect, it } from 'vitest';
import type { Digest, DigestSection } from '../../src/core/reply.js';
import { renderDiscordDigest } from '../../src/platforms/discord/render.js';
import { renderTelegramDigest } from '../../src/platforms/telegram/render.js';
import { storyEntry } from '../platforms/story-fixtures.js';

const section = (slug: string, style?: DigestSection['style']): DigestSection => ({
  topicSlug: slug,
  topicName: slug,
  entries: [storyEntry({ headline: `${slug} headline` })],
  more: 0,
  ...(style ? { style } : {}),
});
const quiet = { format: 'full', previews: false, silent: true, mentionRoleId: null } as const;
const digestOf = (...sections: DigestSection[]): Digest => ({
  chatId: 'telegram:1',
  title: 'Morning',
  timezone: 'UTC',
  sections,
});

describe('a digest carrying several subscriptions’ sections', () => {
  it('is silent only when every section asked for silence', () => {
    expect(renderTelegramDigest(digestOf(section('a', quiet), section('b', quiet)))[0]).toMatchObject({
      disable_notification: true,
    });
    expect(renderTelegramDigest(digestOf(section('a', quiet), section('b')))[0]!.disable_notification).toBeUndefined();
    expect(renderDiscordDigest(digestOf(section('a', quiet), section('b')))[0]!.message.flags).toBeUndefined();
  });

  it('mentions each attached role once, in its first message only', () => {
    const ping = { ...quiet, silent: false, mentionRoleId: '520520520' };
    const many = Array.from({ length: 12 }, (_, index) => storyEntry({ headline: `story ${index}` }));
    const parts = renderDiscordDigest(digestOf({ ...section('a', ping), entries: many }, section('b', ping)));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]!.message.allowed_mentions).toEqual({ parse: [], roles: ['520520520'] });
    expect(parts[0]!.message.content!.match(/<@&520520520>/g)).toHaveLength(1);
    for (const part of parts.slice(1)) {
      expect(part.message.allowed_mentions).toEqual({ parse: [] });
      expect(part.message.content ?? '').not.toContain('<@&');
    }
  });
});
