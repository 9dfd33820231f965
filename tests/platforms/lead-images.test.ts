import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE, type ChatRef } from '../../src/core/domain.js';
import type { App } from '../../src/main.js';
import { deliverDueDigests } from '../helpers/digest-seed.js';
import { CHANNEL, discordHarness, GUILD_ID } from '../helpers/discord-harness.js';
import { alice, telegramHarness } from '../helpers/telegram-harness.js';
import { serve, startServer } from '../ingest/helpers/feed-server.js';
import { fixture, rssFeed } from '../ingest/helpers/feeds.js';

/** The fetch guard is lifted for newsbrief's own fetches so the local server can play the outlet's site. */
const env = { ALLOW_PRIVATE_FEEDS: 'true' };

/**
 * A chat subscribed to a topic whose feed, after a first poll that only sets its baseline, brings
 * the picture fixture's items (and its article pages): polled through the real ingest into the
 * app's SQLite, then the due digest planned and sent as the minute tick would.
 */
async function pictureDigest(app: App, chat: ChatRef, images = true): Promise<void> {
  const server = await startServer({});
  server.route(
    '/feed',
    serve(rssFeed('Lakeside Pictures', [{ title: 'Old news', guid: 'old', link: server.url('/old') }])),
  );
  server.route('/articles/harbour-master', serve(fixture('article-og-image.html'), 'text/html; charset=utf-8'));
  server.route('/articles/pier-repairs', serve(fixture('article-private-image.html'), 'text/html; charset=utf-8'));
  const topic = await app.stores.topics.create({ slug: 'lakeside', name: 'Lakeside', communityId: null });
  await app.stores.chats.ensure(chat);
  await app.stores.subscriptions.save({
    chatId: chat.id,
    topicId: topic.id,
    schedule: 'daily 08:00',
    timezone: 'UTC',
    cap: 8,
    nextRunAt: new Date(Date.now() - 60_000).toISOString(),
    style: { ...DEFAULT_STYLE, images },
  });
  const feed = await app.stores.feeds.ensure(server.url('/feed'));
  await app.stores.feeds.attach(topic.id, feed.id, 'test');
  await app.ingest.pollDueFeeds();
  server.route('/feed', serve(fixture('media-images.xml', server.origin)));
  await app.ingest.pollDueFeeds({ all: true });
  await deliverDueDigests(app);
}

const PRIVATE = /127\.0\.0\.1\/x\.png|10\.0\.0\.1/;

describe('lead images delivered through the real platform clients', () => {
  it('shows each story’s lead image as its Discord embed’s thumbnail, and none on a private address', async () => {
    const { app, fake } = await discordHarness({ env });
    const channel: ChatRef = {
      id: `discord:${CHANNEL.news}`,
      platform: 'discord',
      kind: 'channel',
      communityId: `discord:${GUILD_ID}`,
    };
    await pictureDigest(app, channel);
    const messages = fake.messagesIn(CHANNEL.news) as { embeds?: { title?: string; thumbnail?: { url: string } }[] }[];
    const embeds = messages.flatMap((message) => message.embeds ?? []);
    const thumbnailOf = (title: string) => embeds.find((embed) => embed.title === title)?.thumbnail?.url ?? null;
    expect(embeds).toHaveLength(7);
    expect(thumbnailOf('Harbour master resigns after the storm season')).toBe(
      'https://img.lakeside.example/lead/harbour-1200.jpg',
    );
    expect(thumbnailOf('Ferry timetable changes for the winter')).toBe(
      'https://img.lakeside.example/thumbs/ferry-240.jpg',
    );
    expect(thumbnailOf('Lighthouse reopens to visitors')).toBe('https://img.lakeside.example/2026/lighthouse.jpg');
    expect(thumbnailOf('Council meeting, the podcast')).toBeNull();
    expect(thumbnailOf('Pier repairs delayed again')).toBeNull();
    expect(JSON.stringify(messages)).not.toMatch(PRIVATE);
  });

  it('previews the top story’s lead image on Telegram with link_preview_options, large and above the text', async () => {
    const { app, fake } = await telegramHarness({ env });
    const chat: ChatRef = { id: `telegram:${alice.id}`, platform: 'telegram', kind: 'private', communityId: null };
    await pictureDigest(app, chat);
    const [first, ...rest] = fake.messagesTo(alice.id);
    expect(first!.params.parse_mode).toBe('HTML');
    expect(first!.params.link_preview_options).toEqual({
      url: 'https://img.lakeside.example/lead/harbour-1200.jpg',
      prefer_large_media: true,
      show_above_text: true,
    });
    // The picture belongs to the story right under the digest's title.
    expect(first!.text.split('\n').slice(0, 5).join('\n')).toContain('Harbour master resigns after the storm season');
    for (const message of rest) expect(message.params.link_preview_options).toEqual({ is_disabled: true });
    expect(JSON.stringify(fake.messagesTo(alice.id).map((message) => message.params))).not.toMatch(PRIVATE);
  });

  it('sends no picture to a subscription that turned images off, on either platform', async () => {
    const discord = await discordHarness({ env });
    const channel: ChatRef = {
      id: `discord:${CHANNEL.news}`,
      platform: 'discord',
      kind: 'channel',
      communityId: `discord:${GUILD_ID}`,
    };
    await pictureDigest(discord.app, channel, false);
    const messages = discord.fake.messagesIn(CHANNEL.news) as { embeds?: { thumbnail?: unknown }[] }[];
    const embeds = messages.flatMap((message) => message.embeds ?? []);
    expect(embeds).toHaveLength(7);
    expect(embeds.filter((embed) => embed.thumbnail !== undefined)).toEqual([]);

    const telegram = await telegramHarness({ env });
    const chat: ChatRef = { id: `telegram:${alice.id}`, platform: 'telegram', kind: 'private', communityId: null };
    await pictureDigest(telegram.app, chat, false);
    const sent = telegram.fake.messagesTo(alice.id);
    expect(sent.length).toBeGreaterThan(0);
    for (const message of sent) expect(message.params.link_preview_options).toEqual({ is_disabled: true });
  });
});
