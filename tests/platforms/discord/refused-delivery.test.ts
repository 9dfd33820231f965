import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../../src/core/domain.js';
import { addStories, makeDue, seedDueDigest } from '../../helpers/digest-seed.js';
import { CHANNEL, discordHarness, GUILD_ID } from '../../helpers/discord-harness.js';
import { discordFailures } from '../../helpers/fake-discord.js';

const news: ChatRef = {
  id: `discord:${CHANNEL.news}`,
  platform: 'discord',
  kind: 'channel',
  communityId: `discord:${GUILD_ID}`,
};

describe('a message Discord refuses (50035 Invalid Form Body) does not silence the channel', () => {
  it('fails that message with the reason and posts the channel’s next one, the channel not paused', async () => {
    const { app, fake } = await discordHarness();
    const { topicId } = await seedDueDigest(app, { chat: news, stories: [{ headline: 'First digest story' }] });
    await app.digest.job.runDue();
    await addStories(app, (await app.stores.topics.get(topicId))!, [{ headline: 'Second digest story' }], 'Later News');
    await makeDue(app, news.id);
    await app.digest.job.runDue();
    fake.failNext('POST', new RegExp(`^/channels/${CHANNEL.news}/messages$`), discordFailures.invalidFormBody());
    await app.digest.worker.drain();
    const posted = fake.messagesIn(CHANNEL.news) as { embeds?: { title?: string }[] }[];
    expect(posted.map((message) => message.embeds?.[0]?.title)).toEqual(['Second digest story']);
    expect((await app.stores.chats.get(news.id))!.pausedAt).toBeNull();
    const { counts, failures } = await app.digest.actions.deliveryStatus(news.id, 5);
    expect(counts).toMatchObject({ pending: 0, sent: 1, failed: 1 });
    expect(failures[0]!.reason).toBe('refused by the platform: 400 50035: Invalid Form Body');
  });
});
