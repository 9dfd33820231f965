import { RateLimitError, Routes } from 'discord.js';
import { afterEach, expect, it } from 'vitest';
import { createDeliveryRest } from '../../../src/platforms/discord/delivery-rest.js';
import { startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord.js';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const postToChannels = (rest: ReturnType<typeof createDeliveryRest>, count: number) =>
  Promise.allSettled(
    Array.from({ length: count }, (_, n) =>
      rest.post(Routes.channelMessages(String(1000 + n)), { body: { content: `message ${n}` } }),
    ),
  );

it('lets one process send as many requests in a second as the configured limit, past discord.js’s own 50', async () => {
  fake = await startFakeDiscord();
  const rest = createDeliveryRest(fake.token, { apiRoot: fake.apiRoot, requestsPerSecond: 100 });
  const results = await postToChannels(rest, 80);
  expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
  expect(fake.created).toHaveLength(80);
});

it('refuses a send over the limit itself, as a rate limit the delivery worker waits out', async () => {
  fake = await startFakeDiscord();
  const rest = createDeliveryRest(fake.token, { apiRoot: fake.apiRoot, requestsPerSecond: 20 });
  const results = await postToChannels(rest, 30);
  const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  expect(refused.length).toBeGreaterThan(0);
  expect(refused.every((reason) => reason instanceof RateLimitError)).toBe(true);
  expect(fake.created.length).toBeLessThanOrEqual(20);
});
