import { afterEach, describe, expect, it } from 'vitest';
import type { ChatRef } from '../../../src/core/domain.js';
import { seedDueDigest } from '../../helpers/digest-seed.js';
import { CHANNEL, discordHarness, GUILD_ID } from '../../helpers/discord-harness.js';
import { startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord.js';

/**
 * Discord's `nonce` with `enforce_nonce: true`: a second create with a nonce seen in the past few
 * minutes returns the message created first and creates nothing. The delivery worker relies on it
 * for exactly-once delivery when a send's answer is lost (a crash, a timeout) and the send is repeated.
 */

const fakes: FakeDiscord[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

async function postTo(fake: FakeDiscord, channelId: string, body: object) {
  const response = await fetch(`${fake.apiRoot}/v10/channels/${channelId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, message: (await response.json()) as { id?: string; code?: number } };
}

describe('the fake Discord, like Discord, with a nonce on a new message', () => {
  it('answers a repeat with the same nonce and enforce_nonce with the first message, creating nothing', async () => {
    const fake = await startFakeDiscord();
    fakes.push(fake);
    const first = await postTo(fake, '900', { content: 'Morning digest', nonce: 'digest-1', enforce_nonce: true });
    const again = await postTo(fake, '900', { content: 'Morning digest', nonce: 'digest-1', enforce_nonce: true });
    const other = await postTo(fake, '900', { content: 'Evening digest', nonce: 'digest-2', enforce_nonce: true });
    expect([first.status, again.status, other.status]).toEqual([200, 200, 200]);
    expect(again.message.id).toBe(first.message.id);
    expect(other.message.id).not.toBe(first.message.id);
    expect(fake.messagesIn('900').map((body) => body.content)).toEqual(['Morning digest', 'Evening digest']);
  });

  it('creates a second message when the nonce is not enforced', async () => {
    const fake = await startFakeDiscord();
    fakes.push(fake);
    await postTo(fake, '900', { content: 'Morning digest', nonce: 'digest-1' });
    await postTo(fake, '900', { content: 'Morning digest', nonce: 'digest-1' });
    expect(fake.messagesIn('900')).toHaveLength(2);
  });

  it('refuses a nonce longer than 25 characters as an invalid form body', async () => {
    const fake = await startFakeDiscord();
    fakes.push(fake);
    const answer = await postTo(fake, '900', { content: 'Morning digest', nonce: 'n'.repeat(26), enforce_nonce: true });
    expect(answer).toMatchObject({ status: 400, message: { code: 50035 } });
    expect(fake.messagesIn('900')).toEqual([]);
  });
});

describe('Discord delivery when the answer to a send is lost', () => {
  it('sends the message again with the same nonce, and the channel gets it once', async () => {
    const { app, fake } = await discordHarness();
    const chat: ChatRef = {
      id: `discord:${CHANNEL.news}`,
      platform: 'discord',
      kind: 'channel',
      communityId: `discord:${GUILD_ID}`,
    };
    await seedDueDigest(app, { chat, stories: [{ headline: 'Council approves the new bridge', quotes: [] }] });
    await app.digest.job.runDue();
    fake.loseNextAnswer('POST', new RegExp(`^/channels/${CHANNEL.news}/messages$`));
    await app.digest.worker.drain();
    expect(await app.stores.outbox.counts()).toMatchObject({ pending: 1, sent: 0 });

    app.db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending'`).run(new Date().toISOString());
    await app.digest.worker.drain();
    expect(await app.stores.outbox.counts()).toMatchObject({ pending: 0, sent: 1 });
    const attempts = fake.requests.filter((request) => request.path === `/channels/${CHANNEL.news}/messages`);
    expect(attempts.map((request) => request.status)).toEqual([0, 200]);
    const [lost, repeated] = attempts.map((request) => request.body as { nonce?: string });
    expect(repeated!.nonce).toBe(lost!.nonce);
    expect(fake.messagesIn(CHANNEL.news)).toHaveLength(1);
  });
});
