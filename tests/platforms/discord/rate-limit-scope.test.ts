import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { createDeliveryRest } from '../../../src/platforms/discord/delivery-rest.js';
import { createDiscordMessenger } from '../../../src/platforms/discord/messenger.js';
import { discordFailures, startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord.js';

/**
 * A 429 says which limit it was: Discord's global one (every request of the bot) or a route's (this
 * channel's). The delivery worker holds every process's sends for the first, only the channel for
 * the second (tests/delivery/outbox-worker.test.ts); here the real discord.js REST client against
 * the fake Discord brings the scope through to the send's result.
 */

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const CHANNEL = '300000000000000001';

async function sendAfter429(global: boolean) {
  fake = await startFakeDiscord();
  const messenger = createDiscordMessenger({
    rest: createDeliveryRest(fake.token, { apiRoot: fake.apiRoot }),
    logger: silentLogger,
  });
  fake.failNext('POST', new RegExp(`^/channels/${CHANNEL}/messages$`), discordFailures.rateLimited(2, global));
  const [message] = messenger.renderDigest({
    chatId: `discord:${CHANNEL}`,
    title: 'Morning digest',
    timezone: 'UTC',
    sections: [
      {
        topicSlug: 'local',
        topicName: 'Local',
        more: 0,
        entries: [
          {
            storyIds: [1],
            headline: 'The bridge opens on Monday',
            url: 'https://paper.example/bridge',
            source: 'Paper',
            time: '2025-03-03T08:00:00.000Z',
            alsoCoveredBy: [],
            quotes: [],
          },
        ],
      },
    ],
  });
  return messenger.send(`discord:${CHANNEL}`, message!);
}

describe('a Discord 429 through discord.js', () => {
  it('is the channel’s alone when Discord says it was the route’s limit', async () => {
    expect(await sendAfter429(false)).toMatchObject({ ok: false, kind: 'rate-limited', scope: 'chat' });
  });

  it('is the whole platform’s when Discord says it was the global limit', async () => {
    expect(await sendAfter429(true)).toMatchObject({ ok: false, kind: 'rate-limited', scope: 'platform' });
  });
});
