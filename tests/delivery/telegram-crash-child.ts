/**
 * The child of the Telegram crash test: the due-digest job, then the delivery worker with the
 * real Telegram messenger (grammY's Api, Telegram HTML rendering) over a SQLite file, against a
 * slow fake Bot API. Prints `ready` when its first sendMessage starts; killed with SIGKILL at a
 * random moment after that.
 *
 * argv: <database path> <Bot API root> <the time it is, ISO>
 */
import { Api } from 'grammy';
import { silentLogger } from '../../src/logger.js';
import { createTelegramMessenger } from '../../src/platforms/telegram/messenger.js';
import { crashChildArgs, runCrashChild } from './crash-child-run.js';

const { databasePath, url: apiRoot, clock } = crashChildArgs();
await runCrashChild({
  databasePath,
  clock,
  messenger: createTelegramMessenger({ api: new Api('123:crash-test', { apiRoot }), logger: silentLogger }),
  // Telegram's own limits would make this test minutes long; the per-chat order is what matters.
  pacing: { telegramMessagesPerSecond: 400, telegramChatMessagesPerSecond: 50 },
});
