import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatRef } from '../../../src/core/domain.js';
import { startDiscord, type DiscordPlatform } from '../../../src/platforms/discord/start.js';
import { startBot } from '../../helpers/bot-process.js';
import { deliverDueDigests, seedDueDigest } from '../../helpers/digest-seed.js';
import { shardForGuild, startFakeDiscord, type FakeDiscord, type FakeGuild } from '../../helpers/fake-discord.js';
import { testApp, tempDir } from '../../helpers/test-app.js';

/** Two guilds, one on each of two shards by Discord's rule (guild_id >> 22) % 2. */
const guildOn = (shard: number, name: string): FakeGuild => {
  const id = String((1n << 22n) * BigInt(1000 + shard) + 7n);
  return { id, name, channels: [{ id: `${id.slice(0, -3)}${shard}01`, name: 'news', type: 0 }] };
};
const first = guildOn(0, 'Shard Zero Readers');
const second = guildOn(1, 'Shard One Readers');
const alice = { id: '7001', username: 'alice' };

let fake: FakeDiscord | undefined;
const clients: DiscordPlatform[] = [];
let bot: ReturnType<typeof startBot> | undefined;
afterEach(async () => {
  await bot?.stop();
  while (clients.length > 0) await clients.pop()!.stop();
  await fake?.close();
  bot = fake = undefined;
});

describe('Discord shards', () => {
  it('the fake routes guilds by shard as Discord does', () => {
    expect([shardForGuild(first.id, 2), shardForGuild(second.id, 2)]).toEqual([0, 1]);
  });

  it('each process identifies with its own shard, sees its shard’s guilds, answers their interactions, and delivers anywhere', async () => {
    fake = await startFakeDiscord({ guilds: [first, second] });
    const app = await testApp();
    await app.ingest.preload();
    const start = (ids: number[]) =>
      startDiscord({
        token: fake!.token,
        apiRoot: fake!.apiRoot,
        operatorIds: [],
        services: app.services,
        logger: app.logger,
        shards: { ids, count: 2 },
      });
    const zero = await start([0]);
    clients.push(zero);
    const one = await start([1]);
    clients.push(one);
    expect(fake.identifies.map((payload) => (payload as { shard: unknown }).shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...zero.client.guilds.cache.keys()]).toEqual([first.id]);
    expect([...one.client.guilds.cache.keys()]).toEqual([second.id]);

    // Discord sends the interaction only to the shard holding its guild; that process answers.
    const id = fake.interact({ name: 'topics', guildId: second.id, channelId: second.channels[0]!.id, user: alice });
    const [reply] = await fake.waitForResponses(id, 1, 10_000);
    expect(reply!.status).toBe(204);

    // Delivery is REST: shard 0's process posts to shard 1's guild.
    app.digest.addMessenger(zero.messenger);
    const chat: ChatRef = {
      id: `discord:${second.channels[0]!.id}`,
      platform: 'discord',
      kind: 'channel',
      communityId: `discord:${second.id}`,
    };
    await seedDueDigest(app, { chat, stories: [{ headline: 'Harbour reopens after the storm', quotes: [] }] });
    await deliverDueDigests(app);
    expect(fake.messagesIn(second.channels[0]!.id)).toHaveLength(1);
  });

  it('`newsbrief start` with SHARD_IDS=1 and SHARD_COUNT=2 identifies as shard [1, 2]', async () => {
    fake = await startFakeDiscord({ guilds: [first, second] });
    bot = startBot({
      DATABASE_PATH: join(tempDir(), 'bot.db'),
      DISCORD_TOKEN: fake.token,
      DISCORD_API_ROOT: fake.apiRoot,
      SHARD_COUNT: '2',
      SHARD_IDS: '1',
    });
    await bot.waitFor(/"msg":"discord bot running"/);
    expect(fake.identifies.map((payload) => (payload as { shard: unknown }).shard)).toEqual([[1, 2]]);
    expect(bot.output()).toMatch(/"guilds":1,"shards":\[1\]/);
  });
});
