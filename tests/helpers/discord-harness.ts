import { afterEach } from 'vitest';
import type { Command } from '../../src/core/command.js';
import type { Services } from '../../src/core/services.js';
import { startDiscord, type DiscordPlatform } from '../../src/platforms/discord/start.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type FakeGuild } from './fake-discord.js';
import { testApp } from './test-app.js';

/**
 * The real app and the real discord.js Client against the fake Discord, stopped (client
 * first, then the fake, then the app) after each test.
 */

const running: { platform?: DiscordPlatform; fake: FakeDiscord }[] = [];
// Registered after test-app's own afterEach, so it runs before the app's database is closed.
afterEach(async () => {
  while (running.length > 0) {
    const { platform, fake } = running.pop()!;
    await platform?.stop();
    await fake.close();
  }
});

export const GUILD_ID = '500';
export const CHANNEL = { news: '600', forum: '601', thread: '602', general: '699' } as const;
export const MODERATOR_ROLE = '510';
/** A role with Manage Channels. */
export const CHANNEL_KEEPER_ROLE = '511';
export const guild: FakeGuild = {
  id: GUILD_ID,
  name: 'Readers',
  system_channel_id: CHANNEL.general,
  channels: [
    { id: CHANNEL.news, name: 'news', type: 0 },
    { id: CHANNEL.forum, name: 'digests', type: 15 },
    { id: CHANNEL.thread, name: 'bridge talk', type: 11, parent_id: CHANNEL.news },
    { id: CHANNEL.general, name: 'general', type: 0 },
  ],
  roles: [
    { id: MODERATOR_ROLE, name: 'News Team' },
    { id: CHANNEL_KEEPER_ROLE, name: 'Channel Keepers', permissions: String(1n << 4n) },
  ],
};
export const alice = { id: '7001', username: 'alice', global_name: 'Alice' };
export const bob = { id: '7002', username: 'bob' };

export interface DiscordHarnessOptions {
  env?: Record<string, string>;
  extraCommands?: readonly Command[];
  fake?: FakeDiscordOptions;
  deferAfterMs?: number;
}

export async function discordHarness(options: DiscordHarnessOptions = {}) {
  const app = await testApp(options.env);
  // As in a running bot, ingestion is loaded before the first command (not within its reply's wait).
  await app.ingest.preload();
  const fake = await startFakeDiscord({ guilds: [guild], ...options.fake });
  const entry: (typeof running)[number] = { fake };
  running.push(entry);
  const services: Services = {
    ...app.services,
    commands: [...app.services.commands, ...(options.extraCommands ?? [])],
  };
  const start = () =>
    startDiscord({
      token: fake.token,
      apiRoot: fake.apiRoot,
      operatorIds: [],
      moderatorRole: 'News Team',
      services,
      logger: app.logger,
      hashes: app.stores.meta,
      forumPosts: app.stores.forumPosts,
      deferAfterMs: options.deferAfterMs ?? 1500,
    });
  const platform = await start();
  entry.platform = platform;
  app.digest.addMessenger(platform.messenger);
  /** Stops the client and starts a new one on the same app and fake, as a restart would. */
  const restart = async (): Promise<DiscordPlatform> => {
    await entry.platform?.stop();
    entry.platform = await start();
    app.digest.addMessenger(entry.platform.messenger);
    return entry.platform;
  };
  return { app, fake, platform, services, restart };
}
