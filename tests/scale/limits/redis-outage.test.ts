import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisPacer } from '../../../src/limits/redis-pacer.js';
import { REDIS_URL, uniqueName } from '../helpers/servers.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

const waitFor = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('the Redis pacer when Redis goes away', () => {
  const prefix = `${uniqueName('nb_test')}:`;
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('says so once, holds every send back, and goes on when Redis is back', async () => {
    const proxy = await startTcpProxy(Number(new URL(REDIS_URL).port || 6379));
    const messages: (string | null)[] = [];
    const pacer = createRedisPacer({
      url: `redis://127.0.0.1:${proxy.port}`,
      prefix,
      retryMs: 100,
      onUnavailable: (message) => messages.push(message),
    });
    const window = { key: 'telegram', limit: 30, windowMs: 1000 };
    await (await pacer.reserve([window])).release();

    await proxy.cut();
    let sent = false;
    const waiting = pacer.reserve([window]).then((ticket) => {
      sent = true;
      return ticket;
    });
    await waitFor(() => messages.length > 0);
    expect(messages[0]).toMatch(
      /^Redis at redis:\/\/127\.0\.0\.1:\d+ \(REDIS_URL\) is unreachable: .*; sends wait for it$/,
    );
    // Several retries later, still held back and reported only once.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sent).toBe(false);
    expect(messages, JSON.stringify(messages)).toHaveLength(1);

    await proxy.restore();
    await (await waiting).release();
    await waitFor(() => messages.length === 2);
    expect(messages[1]).toBeNull();
    await pacer.close();
    await proxy.close();
  });
});
