import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../../src/core/domain.js';
import { addStories, deliverDueDigests, makeDue, seedDueDigest } from '../../helpers/digest-seed.js';
import { CHANNEL, CHANNEL_KEEPER_ROLE, discordHarness, GUILD_ID } from '../../helpers/discord-harness.js';
import { discordFailures } from '../../helpers/fake-discord.js';
import { HOSTILE } from '../story-fixtures.js';

type Posted = {
  content?: string;
  allowed_mentions?: unknown;
  nonce?: string;
  enforce_nonce?: boolean;
  embeds?: { title?: string; description?: string; footer?: { text: string } }[];
};

const channel = (id: string, kind: ChatRef['kind'] = 'channel'): ChatRef => ({
  id: `discord:${id}`,
  platform: 'discord',
  kind,
  communityId: `discord:${GUILD_ID}`,
});
const stories = [
  {
    headline: 'Council approves the new bridge',
    quotes: [{ text: 'This bridge will join the valley', speaker: 'Tom Varga', paragraph: 1 }],
  },
  { headline: HOSTILE, quotes: [{ text: '@everyone look', speaker: '<@123>', paragraph: 0 }] },
];

describe('Discord digest delivery through discord.js’s REST client and the fake Discord', () => {
  it('posts a due digest to the channel as embeds, pinging nobody', async () => {
    const { app, fake } = await discordHarness();
    await seedDueDigest(app, { chat: channel(CHANNEL.news), stories });
    await deliverDueDigests(app);
    const [message, ...rest] = fake.messagesIn(CHANNEL.news) as Posted[];
    expect(rest).toEqual([]);
    expect(message!.allowed_mentions).toEqual({ parse: [] });
    expect(message!.content).toMatch(/^📰 \*\*/);
    expect(message!.nonce).toHaveLength(25);
    expect(message!.enforce_nonce).toBe(true);
    const [bridge, hostile] = message!.embeds!;
    expect(bridge).toMatchObject({
      title: 'Council approves the new bridge',
      description: '> “This bridge will join the valley”\n> — **Tom Varga**',
    });
    expect(bridge!.footer!.text).toBe('World news · Example News');
    expect(hostile!.title).not.toContain('@everyone');
    expect(hostile!.title).toContain('\\<b\\>bold\\</b\\>');
    expect(hostile!.description).toBe('> “@\u200beveryone look”\n> — **\\<@123\\>**');
  });

  it('pauses the channel on Missing Access and tells the server in its system channel', async () => {
    const { app, fake } = await discordHarness();
    await seedDueDigest(app, { chat: channel(CHANNEL.news), stories });
    fake.failNext('POST', new RegExp(`^/channels/${CHANNEL.news}/messages$`), discordFailures.missingAccess());
    await deliverDueDigests(app);
    const chat = (await app.stores.chats.get(`discord:${CHANNEL.news}`))!;
    expect(chat.pausedAt).not.toBeNull();
    expect(chat.pausedReason).toMatch(/Missing Access/);
    expect(fake.messagesIn(CHANNEL.news)).toEqual([]);
    const [notice] = fake.messagesIn(CHANNEL.general) as Posted[];
    expect(notice!.embeds![0]!.description).toMatch(
      new RegExp(`^Deliveries to <#${CHANNEL.news}> are paused: .*Missing Access`),
    );
    expect(notice!.allowed_mentions).toEqual({ parse: [] });
  });

  it('treats Missing Permissions and Unknown Channel as permanent too, and a 502 as worth retrying', async () => {
    const { app, fake } = await discordHarness();
    await seedDueDigest(app, { chat: channel(CHANNEL.thread, 'thread'), stories, topic: 'world' });
    await seedDueDigest(app, { chat: channel('603'), stories, topic: 'sport' });
    await seedDueDigest(app, { chat: channel(CHANNEL.general), stories, topic: 'arts' });
    fake.failNext('POST', new RegExp(`^/channels/${CHANNEL.thread}/messages$`), discordFailures.missingPermissions());
    fake.failNext('POST', /^\/channels\/603\/messages$/, discordFailures.unknownChannel());
    fake.failNext('POST', new RegExp(`^/channels/${CHANNEL.general}/messages$`), discordFailures.serverError());
    await app.digest.job.runDue();
    await app.digest.worker.drain();
    expect((await app.stores.chats.get(`discord:${CHANNEL.thread}`))!.pausedReason).toMatch(/Missing Permissions/);
    expect((await app.stores.chats.get('discord:603'))!.pausedReason).toMatch(/Unknown Channel/);
    expect((await app.stores.chats.get(`discord:${CHANNEL.general}`))!.pausedAt).toBeNull();
    expect(await app.stores.outbox.counts()).toMatchObject({ held: 2, pending: 1 });
  });

  it('waits out a 429 and posts the message once', async () => {
    const { app, fake } = await discordHarness();
    await seedDueDigest(app, { chat: channel(CHANNEL.news), stories });
    fake.failNext('POST', new RegExp(`^/channels/${CHANNEL.news}/messages$`), discordFailures.rateLimited(1));
    const started = Date.now();
    await deliverDueDigests(app);
    const attempts = fake.requests.filter((request) => request.path === `/channels/${CHANNEL.news}/messages`);
    expect(attempts.map((request) => request.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('lets a channel manager point /subscribe at a forum, whose digests then open forum posts', async () => {
    const { app, fake } = await discordHarness();
    const world = await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    const subscribeForum = (user: { id: string; username: string }, roles: string[] = []) =>
      fake.interact({
        name: 'subscribe',
        options: [
          { name: 'topic', type: 3, value: 'world' },
          { name: 'channel', type: 7, value: CHANNEL.forum },
        ],
        resolved: { channels: { [CHANNEL.forum]: { id: CHANNEL.forum, name: 'digests', type: 15, permissions: '0' } } },
        guildId: GUILD_ID,
        channelId: CHANNEL.news,
        user,
        roles,
      });
    const [refused] = await fake.waitForResponses(subscribeForum({ id: '7003', username: 'carol' }));
    expect(JSON.stringify(refused!.body)).toMatch(/Only people who manage this chat/);
    const [accepted] = await fake.waitForResponses(
      subscribeForum({ id: '7004', username: 'dan' }, [CHANNEL_KEEPER_ROLE]),
    );
    expect(JSON.stringify(accepted!.body)).toMatch(/This chat now follows World/);
    expect(await app.stores.subscriptions.listForChat(`discord:${CHANNEL.news}`)).toEqual([]);
    expect(await app.stores.subscriptions.listForChat(`discord:${CHANNEL.forum}`)).toHaveLength(1);

    await addStories(app, world, stories);
    await makeDue(app, `discord:${CHANNEL.forum}`);
    await deliverDueDigests(app);
    const post = fake.requests.find(
      (request) => request.method === 'POST' && request.path === `/channels/${CHANNEL.forum}/threads`,
    );
    expect(post!.status).toBe(200);
    expect(post!.body).toMatchObject({
      name: expect.stringMatching(/\S/),
      message: { allowed_mentions: { parse: [] }, embeds: [{ title: 'Council approves the new bridge' }, {}] },
    });
    expect((await app.stores.chats.get(`discord:${CHANNEL.forum}`))!.pausedAt).toBeNull();
    expect(await app.stores.outbox.counts()).toMatchObject({ sent: 1, pending: 0 });
  });
});
