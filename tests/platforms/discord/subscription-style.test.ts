import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../../src/core/domain.js';
import { deliverDueDigests, makeDue, seedDueDigest } from '../../helpers/digest-seed.js';
import { alice, bob, CHANNEL, discordHarness, GUILD_ID } from '../../helpers/discord-harness.js';
import { DISCORD_PERMISSIONS } from '../../helpers/fake-discord-payloads.js';
import { HOSTILE } from '../story-fixtures.js';

type Posted = {
  content?: string;
  allowed_mentions?: unknown;
  flags?: number;
  embeds?: { title?: string; description?: string; author?: { name: string } }[];
};
type Callback = {
  type: number;
  data?: {
    flags?: number;
    embeds?: { title?: string; description?: string }[];
    components?: { components: { label: string; custom_id: string }[] }[];
  };
};

const NEWS_ROLE = '520520520';
const SILENT = 1 << 12;
const news: ChatRef = {
  id: `discord:${CHANNEL.news}`,
  platform: 'discord',
  kind: 'channel',
  communityId: `discord:${GUILD_ID}`,
};
const stories = [
  {
    headline: 'Council approves the new bridge',
    quotes: [{ text: 'This bridge will join the valley', speaker: 'Tom Varga', paragraph: 1 }],
  },
  { headline: HOSTILE, quotes: [{ text: '@everyone look', speaker: '<@123>', paragraph: 0 }] },
];

describe('subscription settings on Discord, through discord.js and the fake Discord', () => {
  it('lets a moderator attach a role that alone may be pinged, whatever the feed says, and delivers silently', async () => {
    const { app, fake } = await discordHarness();
    await seedDueDigest(app, { chat: news, stories });
    const subscribe = (user: { id: string; username: string }, permissions: bigint) =>
      fake.interact({
        name: 'subscribe',
        options: [
          { name: 'topic', type: 3, value: 'world' },
          { name: 'schedule', type: 3, value: 'daily 08:00' },
          { name: 'silent', type: 5, value: true },
          { name: 'mention', type: 8, value: NEWS_ROLE },
        ],
        guildId: GUILD_ID,
        channelId: CHANNEL.news,
        user,
        permissions,
      });
    // Managing the channel is enough to subscribe, not to ping a role.
    const [refused] = await fake.waitForResponses(subscribe(bob, DISCORD_PERMISSIONS.manageChannels));
    expect((refused!.body as Callback).data!.embeds![0]!.description).toMatch(/Only moderators .* role to mention/);
    expect((await app.stores.subscriptions.listForChat(news.id))[0]!.style.mentionRoleId).toBeNull();

    const [accepted] = await fake.waitForResponses(subscribe(alice, DISCORD_PERMISSIONS.manageGuild));
    expect((accepted!.body as Callback).data!.embeds![0]!.description).toMatch(/silent, mention/);
    await makeDue(app, news.id);
    await deliverDueDigests(app);
    const [message, ...rest] = fake.messagesIn(CHANNEL.news) as Posted[];
    expect(rest).toEqual([]);
    expect(message!.allowed_mentions).toEqual({ parse: [], roles: [NEWS_ROLE] });
    expect(message!.content).toMatch(new RegExp(`^<@&${NEWS_ROLE}>\\n📰 \\*\\*`));
    expect(message!.content!.match(/<@&/g)).toHaveLength(1);
    expect(message!.flags).toBe(SILENT);
    // The feed's @everyone and <@123> stay inert text.
    const hostile = message!.embeds![1]!;
    expect(hostile.title).not.toContain('@everyone');
    expect(hostile.title).toContain('\\<@123\\>');
    expect(hostile.description).toBe('> “@\u200beveryone look”\n> — **\\<@123\\>**');
  });

  it('posts a compact subscription as one list of linked headlines', async () => {
    const { app, fake } = await discordHarness();
    await seedDueDigest(app, { chat: news, stories: stories.slice(0, 1) });
    const id = fake.interact({
      name: 'settings',
      options: [
        { name: 'topic', type: 3, value: 'world' },
        { name: 'format', type: 3, value: 'compact' },
      ],
      guildId: GUILD_ID,
      channelId: CHANNEL.news,
      user: alice,
      permissions: DISCORD_PERMISSIONS.manageChannels,
    });
    await fake.waitForResponses(id);
    await deliverDueDigests(app);
    const [message] = fake.messagesIn(CHANNEL.news) as Posted[];
    expect(message!.allowed_mentions).toEqual({ parse: [] });
    expect(message!.flags).toBeUndefined();
    expect(message!.embeds).toEqual([
      {
        author: { name: 'World news' },
        description: '• [Council approves the new bridge](https://news.example/world/0)',
        color: expect.any(Number),
      },
    ]);
  });

  it('changes a setting with a /settings button, updating the panel in place', async () => {
    const { app, fake } = await discordHarness();
    const { topicId } = await seedDueDigest(app, { chat: news, stories });
    const manager = { guildId: GUILD_ID, channelId: CHANNEL.news, user: alice, permissions: 1n << 4n };
    const panelId = fake.interact({
      name: 'settings',
      options: [{ name: 'topic', type: 3, value: 'world' }],
      ...manager,
    });
    const [panel] = await fake.waitForResponses(panelId);
    const data = (panel!.body as Callback).data!;
    expect(data.embeds![0]!.description).toContain('mention: nobody');
    const buttons = data.components!.flatMap((row) => row.components);
    const images = buttons.find((button) => button.label === 'Images off')!;
    expect(images.custom_id).toBe('nb:/settings world images off');

    const pressed = fake.interact({ kind: 'button', customId: images.custom_id, ...manager });
    const [update] = await fake.waitForResponses(pressed);
    // 7: UPDATE_MESSAGE — the panel the button is on is redrawn.
    expect((update!.body as Callback).type).toBe(7);
    expect((update!.body as Callback).data!.embeds![0]!.description).toContain('images: off');
    expect((await app.stores.subscriptions.find(news.id, topicId))!.style.images).toBe(false);
  });

  it('reads a role mention typed after the schedule, and says a name that is no mention is not a role', async () => {
    const { app, fake } = await discordHarness();
    await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    const typed = (schedule: string) =>
      fake.interact({
        name: 'subscribe',
        options: [
          { name: 'topic', type: 3, value: 'world' },
          { name: 'schedule', type: 3, value: schedule },
        ],
        guildId: GUILD_ID,
        channelId: CHANNEL.news,
        user: alice,
        permissions: DISCORD_PERMISSIONS.manageGuild,
      });
    const [wrong] = await fake.waitForResponses(typed('daily 08:00 mention @News'));
    expect((wrong!.body as Callback).data!.embeds![0]!.description).toMatch(/'@News' is not a role/);
    await fake.waitForResponses(typed(`daily 08:00 mention <@&${NEWS_ROLE}>`));
    expect((await app.stores.subscriptions.listForChat(news.id))[0]!.style.mentionRoleId).toBe(NEWS_ROLE);
  });
});
