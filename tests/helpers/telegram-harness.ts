import { afterEach } from 'vitest';
import type { Command } from '../../src/core/command.js';
import type { Services } from '../../src/core/services.js';
import { startTelegram, type TelegramOptions, type TelegramPlatform } from '../../src/platforms/telegram/start.js';
import { startFakeTelegram, type FakeChat, type FakeTelegram, type FakeUser } from './fake-telegram.js';
import { testApp } from './test-app.js';

/**
 * The real app and the real grammY bot against the fake Bot API, stopped (bot first, then the
 * fake, then the app) after each test.
 */

const running: { platform?: TelegramPlatform; fake: FakeTelegram }[] = [];
// Registered after test-app's own afterEach, so it runs before the app's database is closed.
afterEach(async () => {
  while (running.length > 0) {
    const { platform, fake } = running.pop()!;
    await platform?.stop();
    await fake.close();
  }
});

export const alice: FakeUser = { id: 1001, first_name: 'Alice', username: 'alice' };
export const bob: FakeUser = { id: 1002, first_name: 'Bob' };
export const privateChatOf = (user: FakeUser): FakeChat => ({
  id: user.id,
  type: 'private',
  first_name: user.first_name,
});
export const group: FakeChat = { id: -1001000000001, type: 'supergroup', title: 'Readers <club>' };

export interface TelegramHarnessOptions {
  env?: Record<string, string>;
  /** Commands on top of the real registry. */
  extraCommands?: readonly Command[];
  webhook?: TelegramOptions['webhook'];
  operatorIds?: string[];
}

export async function telegramHarness(options: TelegramHarnessOptions = {}) {
  const app = await testApp(options.env);
  // As in a running bot, ingestion is loaded before the first command (not within its reply's wait).
  await app.ingest.preload();
  const fake = await startFakeTelegram();
  const entry: (typeof running)[number] = { fake };
  running.push(entry);
  const services: Services = {
    ...app.services,
    commands: [...app.services.commands, ...(options.extraCommands ?? [])],
  };
  const platform = await startTelegram({
    token: fake.token,
    apiRoot: fake.apiRoot,
    operatorIds: options.operatorIds ?? [],
    services,
    logger: app.logger,
    pollTimeoutSeconds: 10,
    ...(options.webhook ? { webhook: options.webhook } : {}),
  });
  entry.platform = platform;
  app.digest.addMessenger(platform.messenger);
  /** The texts (as a person sees them) of the messages the bot sent to a chat. */
  const textsIn = (chatId: number): string[] => fake.messagesTo(chatId).map((message) => message.text);
  /** A user says something and the bot's next `count` messages to that chat come back. */
  const exchange = async (user: FakeUser, chat: FakeChat, text: string, count = 1, threadId?: number) => {
    const before = fake.messagesTo(chat.id).length;
    fake.userSays(user, chat, text, threadId !== undefined ? { threadId } : {});
    const messages = await fake.waitForMessages(before + count, chat.id);
    return messages.slice(before);
  };
  return { app, fake, platform, services, textsIn, exchange };
}
