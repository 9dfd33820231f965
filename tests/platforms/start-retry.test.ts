import { createServer, type Socket } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startWithRetry, type PlatformStarter } from '../../src/platform-supervisor.js';
import {
  describeTelegramStartFailure,
  startTelegram,
  type TelegramPlatform,
} from '../../src/platforms/telegram/start.js';
import { closedPort } from '../helpers/bot-process.js';
import { startFakeTelegram } from '../helpers/fake-telegram.js';
import { recordingLogger, testApp } from '../helpers/test-app.js';

/** The real grammY start under the supervisor, against a dead port, a silent server and a refusing fake. */

const TOKEN = '123456:TEST-token-for-the-fake-telegram-api';
const QUICK = { attempts: 3, firstDelayMs: 10, maxDelayMs: 20 };

async function telegramStarter(apiRoot: string, token = TOKEN): Promise<PlatformStarter<TelegramPlatform>> {
  const app = await testApp();
  return {
    platform: 'telegram',
    url: apiRoot,
    tokenKey: 'TELEGRAM_BOT_TOKEN',
    start: (signal) =>
      startTelegram({ token, apiRoot, operatorIds: [], services: app.services, logger: app.logger, signal }),
    stop: (platform) => platform.stop(),
    describeFailure: describeTelegramStartFailure,
  };
}

const messages = (logger: ReturnType<typeof recordingLogger>, level: string) =>
  logger.entries.filter((entry) => entry.level === level).map((entry) => entry.msg ?? '');

describe('starting a platform with bounded retries', () => {
  it('tries an unreachable API the given number of times, logs each attempt with its URL, then gives up', async () => {
    const apiRoot = `http://127.0.0.1:${await closedPort()}/api`;
    const logger = recordingLogger();
    const started = await startWithRetry(await telegramStarter(apiRoot), {
      logger,
      signal: new AbortController().signal,
      retry: QUICK,
    });
    expect(started).toBeNull();
    expect(messages(logger, 'info')).toEqual(
      [1, 2, 3].map((n) => `telegram: connecting to ${apiRoot} (attempt ${n} of 3)`),
    );
    expect(messages(logger, 'warn')).toEqual([
      `telegram: cannot start through ${apiRoot} (cannot connect (ECONNREFUSED)); retrying in 10 ms (attempt 1 of 3)`,
      `telegram: cannot start through ${apiRoot} (cannot connect (ECONNREFUSED)); retrying in 20 ms (attempt 2 of 3)`,
    ]);
    expect(messages(logger, 'error')).toEqual([
      `telegram: cannot start through ${apiRoot} (cannot connect (ECONNREFUSED)); gave up after 3 attempts, the other platforms keep running — restart newsbrief once fixed`,
    ]);
  });

  it('names TELEGRAM_BOT_TOKEN when the API refuses the token', async () => {
    const fake = await startFakeTelegram();
    try {
      const logger = recordingLogger();
      const wrong = '654321:WRONG-token-the-fake-telegram-refuses-x';
      const started = await startWithRetry(await telegramStarter(fake.apiRoot, wrong), {
        logger,
        signal: new AbortController().signal,
        retry: { ...QUICK, attempts: 1 },
      });
      expect(started).toBeNull();
      expect(messages(logger, 'error')[0]).toMatch(
        /^telegram refused TELEGRAM_BOT_TOKEN \(401 Unauthorized\): check TELEGRAM_BOT_TOKEN in \.env; gave up after 1 attempts/,
      );
    } finally {
      await fake.close();
    }
  });

  it('gives up at once when stopped while the API has not answered, closing the connection it opened', async () => {
    const sockets: Socket[] = [];
    // Accepts connections and never answers: a gateway that hangs.
    const silent = createServer((socket) => sockets.push(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const apiRoot = `http://127.0.0.1:${(silent.address() as { port: number }).port}/api`;
    try {
      const stop = new AbortController();
      const logger = recordingLogger();
      const starting = startWithRetry(await telegramStarter(apiRoot), { logger, signal: stop.signal, retry: QUICK });
      while (sockets.length === 0) await once(silent, 'connection');
      stop.abort();
      expect(await starting).toBeNull();
      const socket = sockets[0]!;
      if (!socket.destroyed) await once(socket, 'close');
      expect(messages(logger, 'info')).toHaveLength(1);
      expect(messages(logger, 'error')).toEqual([]);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
