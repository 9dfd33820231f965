import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { defineCommand, namesOf } from '../../../src/core/command.js';
import { errorReply, textReply } from '../../../src/core/reply.js';
import { startDiscord } from '../../../src/platforms/discord/start.js';
import { addStories } from '../../helpers/digest-seed.js';
import { alice, bob, CHANNEL, discordHarness, GUILD_ID, MODERATOR_ROLE } from '../../helpers/discord-harness.js';
import { DISCORD_PERMISSIONS } from '../../helpers/fake-discord-payloads.js';

const EPHEMERAL = 64;
type Callback = {
  type: number;
  data?: {
    flags?: number;
    embeds?: { title?: string; description?: string }[];
    choices?: unknown[];
    allowed_mentions?: unknown;
  };
};

const slowCommand = defineCommand({
  name: 'slow',
  description: 'Takes a while',
  access: 'anyone',
  options: [],
  example: '/slow',
  run: async () => {
    await delay(300);
    return textReply('done at last');
  },
});
const slowFailure = defineCommand({
  name: 'slowfail',
  description: 'Takes a while, then fails',
  access: 'anyone',
  options: [],
  example: '/slowfail',
  run: async () => {
    await delay(200);
    return errorReply('that went wrong');
  },
});
const whereCommand = defineCommand({
  name: 'where',
  description: 'Where am I',
  access: 'chat-manager',
  options: [],
  example: '/where',
  run: ({ chat, actor }) =>
    textReply(`${chat.id} ${chat.kind} ${chat.communityId ?? '-'} manager=${actor.canManageChat}`),
});

describe('Discord interactions through discord.js and the fake Discord', () => {
  it('connects with only the Guilds intent and registers the commands again only when they changed', async () => {
    const { app, fake, restart } = await discordHarness();
    expect(fake.identifies).toHaveLength(1);
    expect((fake.identifies[0] as { intents: number }).intents).toBe(1);
    const puts = () =>
      fake.requests.filter((request) => request.method === 'PUT' && request.path.endsWith('/commands'));
    expect(puts()).toHaveLength(1);
    // Each alias (/sub, /unsub, /list) is a slash command of its own, right after its command.
    expect((fake.registered.global as { name: string }[]).map((command) => command.name)).toEqual(
      app.services.commands.flatMap(namesOf),
    );
    await restart();
    expect(puts()).toHaveLength(1);
    await app.stores.meta.set(`discord.commands.${fake.applicationId}`, 'definitions of an older version');
    await restart();
    expect(puts()).toHaveLength(2);
  });

  it('answers /topics in the channel with an embed, and /help only to the caller', async () => {
    const { app, fake } = await discordHarness();
    await app.stores.topics.create({
      slug: 'world',
      name: 'World',
      description: 'World **news** @everyone',
      communityId: null,
    });
    const topics = fake.interact({ name: 'topics', guildId: GUILD_ID, channelId: CHANNEL.news, user: alice });
    const [reply] = await fake.waitForResponses(topics);
    const body = reply!.body as Callback;
    expect(body.type).toBe(4);
    expect(body.data!.flags ?? 0).toBe(0);
    expect(body.data!.allowed_mentions).toEqual({ parse: [] });
    expect(body.data!.embeds![0]!.description).toBe('world — World \\*\\*news\\*\\* @\u200beveryone · 0 feeds');
    const help = fake.interact({ name: 'help', guildId: GUILD_ID, channelId: CHANNEL.news, user: alice });
    const [helpReply] = await fake.waitForResponses(help);
    expect((helpReply!.body as Callback).data!.flags).toBe(EPHEMERAL);
  });

  it('answers /latest in the channel with a story embed each, pinging nobody', async () => {
    const { app, fake } = await discordHarness();
    const world = await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    await addStories(app, world, [
      { headline: 'Bridge approved', quotes: [{ text: 'A great day', speaker: 'Tom Varga', paragraph: 0 }] },
      { headline: '@everyone <@&1> **loud**', quotes: [] },
    ]);
    const id = fake.interact({
      name: 'latest',
      options: [{ name: 'topic', type: 3, value: 'world' }],
      guildId: GUILD_ID,
      channelId: CHANNEL.news,
      user: alice,
    });
    const [reply] = await fake.waitForResponses(id);
    const data = (reply!.body as Callback).data!;
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.embeds!.map((embed) => embed.title)).toEqual([
      'Bridge approved',
      '@\u200beveryone \\<@&1\\> \\*\\*loud\\*\\*',
    ]);
    expect(data.embeds![0]!.description).toBe('> “A great day”\n> — **Tom Varga**');
  });

  it('refuses /subscribe in a server channel to a member without Manage Server, and subscribes for a moderator or in a DM', async () => {
    const { app, fake } = await discordHarness();
    await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    const subscribe = (
      user: { id: string; username: string },
      extra: { guildId?: string; channelId: string; permissions?: bigint },
    ) =>
      fake.interact({
        name: 'subscribe',
        options: [
          { name: 'topic', type: 3, value: 'world' },
          { name: 'schedule', type: 3, value: 'daily 08:00' },
        ],
        user,
        ...extra,
      });
    const [refused] = await fake.waitForResponses(subscribe(bob, { guildId: GUILD_ID, channelId: CHANNEL.news }));
    expect((refused!.body as Callback).data).toMatchObject({
      flags: EPHEMERAL,
      embeds: [{ description: expect.stringMatching(/^⚠️ Only people who manage this chat/) }],
    });
    expect(await app.stores.subscriptions.listForChat(`discord:${CHANNEL.news}`)).toEqual([]);
    const [accepted] = await fake.waitForResponses(
      subscribe(alice, { guildId: GUILD_ID, channelId: CHANNEL.news, permissions: DISCORD_PERMISSIONS.manageGuild }),
    );
    expect((accepted!.body as Callback).data!.embeds![0]!.description).toMatch(/^This chat now follows World/);
    expect((accepted!.body as Callback).data!.flags).toBe(EPHEMERAL);
    const [personal] = await fake.waitForResponses(subscribe(bob, { channelId: '8002' }));
    expect((personal!.body as Callback).data!.embeds![0]!.description).toMatch(/^This chat now follows World/);
    expect(await app.stores.subscriptions.listForChat('discord:8002')).toHaveLength(1);
  });

  it('answers /start and the short slash commands /sub, /list and /unsub like the long ones', async () => {
    const { app, fake } = await discordHarness();
    await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    const registered = (fake.registered.global as { name: string }[]).map((command) => command.name);
    expect(registered).toEqual(expect.arrayContaining(['start', 'sub', 'unsub', 'list']));
    const dm = { channelId: '8003', user: bob };
    const description = async (name: string, options: { name: string; type: number; value: string }[] = []) => {
      const [reply] = await fake.waitForResponses(fake.interact({ name, options, ...dm }));
      // As a person sees it: Discord shows markdown escapes (`\(`) as the character itself.
      return (reply!.body as Callback).data!.embeds![0]!.description!.replace(/\\(.)/g, '$1');
    };
    expect(await description('start')).toMatch(/^newsbrief sends this chat a digest of the news/);
    expect(await description('sub', [{ name: 'topic', type: 3, value: 'world' }])).toMatch(
      /^This chat now follows World \(world\): daily 08:00/,
    );
    expect(await description('list')).toMatch(/^world — daily 08:00 \(UTC\), up to 8 stories/);
    expect(await description('unsub', [{ name: 'topic', type: 3, value: 'world' }])).toBe(
      'This chat no longer follows World (world).',
    );
    expect(await app.stores.subscriptions.listForChat('discord:8003')).toEqual([]);
  });

  it('refuses a moderator command to a member without Manage Server, privately, and lets moderators in', async () => {
    const { app, fake } = await discordHarness({ extraCommands: [whereCommand] });
    await app.stores.topics.create({ slug: 'local', name: 'Local', communityId: `discord:${GUILD_ID}` });
    const attempt = (user: { id: string; username: string }, extra: { permissions?: bigint; roles?: string[] }) =>
      fake.interact({
        name: 'feed',
        options: [
          {
            name: 'remove',
            type: 1,
            options: [
              { name: 'topic', type: 3, value: 'local' },
              { name: 'url', type: 3, value: 'https://news.example/rss' },
            ],
          },
        ],
        guildId: GUILD_ID,
        channelId: CHANNEL.news,
        user,
        ...extra,
      });
    const [refused] = await fake.waitForResponses(attempt(bob, {}));
    expect((refused!.body as Callback).data).toMatchObject({
      flags: EPHEMERAL,
      embeds: [{ description: '⚠️ Only moderators of this community can do that.' }],
    });
    for (const extra of [{ permissions: DISCORD_PERMISSIONS.manageGuild }, { roles: [MODERATOR_ROLE] }]) {
      const [answer] = await fake.waitForResponses(attempt(alice, extra));
      expect((answer!.body as Callback).data!.embeds![0]!.description).toMatch(/is not a feed of 'local'/);
    }
    const managed = fake.interact({
      name: 'where',
      guildId: GUILD_ID,
      channelId: CHANNEL.thread,
      user: bob,
      permissions: DISCORD_PERMISSIONS.manageChannels,
    });
    const [where] = await fake.waitForResponses(managed);
    expect((where!.body as Callback).data!.embeds![0]!.description).toBe(
      `discord:${CHANNEL.thread} thread discord:${GUILD_ID} manager=true`,
    );
  });

  it('defers a command that takes more than a moment, then edits in the answer', async () => {
    const { fake } = await discordHarness({ extraCommands: [slowCommand], deferAfterMs: 50 });
    const id = fake.interact({ name: 'slow', guildId: GUILD_ID, channelId: CHANNEL.news, user: alice });
    const [deferred, edited] = await fake.waitForResponses(id, 2);
    expect(deferred!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edited!.method).toBe('PATCH');
    expect(edited!.path).toMatch(/\/messages\/@original$/);
    expect((edited!.body as Callback['data'])!.embeds![0]!.description).toBe('done at last');
  });

  it('turns a public "thinking…" that ends in an error into a private answer', async () => {
    const { fake } = await discordHarness({ extraCommands: [slowFailure], deferAfterMs: 50 });
    const id = fake.interact({ name: 'slowfail', guildId: GUILD_ID, channelId: CHANNEL.news, user: alice });
    const responses = await fake.waitForResponses(id, 3);
    expect(responses.map((response) => response.method)).toEqual(['POST', 'DELETE', 'POST']);
    expect(responses[2]!.body).toMatchObject({ flags: EPHEMERAL, embeds: [{ description: '⚠️ that went wrong' }] });
  });

  it('works in a DM, where the person manages their own subscriptions', async () => {
    const { fake } = await discordHarness({ extraCommands: [whereCommand] });
    const id = fake.interact({ name: 'where', channelId: '8001', user: alice });
    const [reply] = await fake.waitForResponses(id);
    expect((reply!.body as Callback).data!.embeds![0]!.description).toBe('discord:8001 private - manager=true');
  });

  it('offers the visible topics while a topic option is typed', async () => {
    const { app, fake } = await discordHarness();
    await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    await app.stores.topics.create({ slug: 'sport', name: 'Sport', communityId: null });
    await app.stores.topics.create({ slug: 'worldly', name: 'Other server', communityId: 'discord:999' });
    const id = fake.interact({
      kind: 'autocomplete',
      name: 'feed',
      options: [{ name: 'add', type: 1, options: [{ name: 'topic', type: 3, value: 'wor', focused: true }] }],
      guildId: GUILD_ID,
      channelId: CHANNEL.news,
      user: alice,
    });
    const [reply] = await fake.waitForResponses(id);
    expect(reply!.body).toEqual({ type: 8, data: { choices: [{ name: 'world — World', value: 'world' }] } });
  });

  it('runs the command a choice button carries', async () => {
    const { fake } = await discordHarness();
    const id = fake.interact({
      kind: 'button',
      customId: 'nb:/topics',
      guildId: GUILD_ID,
      channelId: CHANNEL.news,
      user: alice,
    });
    const [reply] = await fake.waitForResponses(id);
    expect((reply!.body as Callback).data!.embeds![0]!.description).toMatch(/^No topics yet/);
  });

  it('stops start-up with a clear error when Discord refuses the token', async () => {
    const { app, fake } = await discordHarness();
    const wrongToken = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.Gwrong.not-the-token-the-fake-expects-xyz';
    const start = startDiscord({
      token: wrongToken,
      apiRoot: fake.apiRoot,
      operatorIds: [],
      services: app.services,
      logger: app.logger,
    });
    await expect(start).rejects.toThrow(/token/i);
  });

  it('keeps running after an interaction it cannot read', async () => {
    const { app, fake } = await discordHarness();
    fake.dispatchRaw('INTERACTION_CREATE', { id: '1', type: 2, data: { name: 'topics', type: 1 } });
    const id = fake.interact({ name: 'topics', guildId: GUILD_ID, channelId: CHANNEL.news, user: alice });
    await fake.waitForResponses(id);
    expect(app.logger.entries.some((entry) => entry.msg === 'discord event could not be read; skipped')).toBe(true);
  });
});
