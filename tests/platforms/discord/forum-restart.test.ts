import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../../src/core/domain.js';
import { seedDueDigest } from '../../helpers/digest-seed.js';
import { CHANNEL, discordHarness, GUILD_ID } from '../../helpers/discord-harness.js';
import { discordFailures } from '../../helpers/fake-discord.js';

const forum: ChatRef = {
  id: `discord:${CHANNEL.forum}`,
  platform: 'discord',
  kind: 'channel',
  communityId: `discord:${GUILD_ID}`,
};
const QUOTE = 'The repairs took longer than anyone wanted, but the bridge is safer now than it has ever been';
/** Twelve stories with long quotations: a digest of several messages, so a forum post of several parts. */
const stories = Array.from({ length: 12 }, (_, index) => ({
  headline: `Harbour story number ${index + 1}: ${'the bridge, the harbour and the town council '.repeat(5)}`,
  quotes: [1, 2, 3].map((n) => ({
    text: `${QUOTE} (${index}.${n}), ${QUOTE.toLowerCase()}, ${QUOTE.toLowerCase()}`,
    speaker: `Speaker ${n}`,
    paragraph: n,
  })),
}));

describe('a digest in a Discord forum channel', () => {
  it('keeps its later parts in the post it opened, also after a restart mid-digest, with a nonce on the post', async () => {
    const { app, fake, restart } = await discordHarness();
    await seedDueDigest(app, { chat: forum, stories });
    await app.digest.job.runDue();
    expect((await app.stores.outbox.counts()).pending).toBeGreaterThan(1);
    // The second part fails (a 502) and waits for its retry; the bot restarts meanwhile.
    fake.failNext('POST', new RegExp(`^/channels/(?!${CHANNEL.forum}/)\\d+/messages$`), discordFailures.serverError());
    await app.digest.worker.drain();
    const opened = fake.requests.filter((request) => request.path === `/channels/${CHANNEL.forum}/threads`);
    expect(opened).toHaveLength(1);
    const postBody = opened[0]!.body as { message: { nonce?: string; enforce_nonce?: boolean } };
    expect(postBody.message.nonce).toHaveLength(25);
    expect(postBody.message.enforce_nonce).toBe(true);

    await restart();
    app.db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending'`).run(new Date().toISOString());
    await app.digest.worker.drain();
    expect(await app.stores.outbox.counts()).toMatchObject({ pending: 0, failed: 0 });
    expect(fake.requests.filter((request) => request.path === `/channels/${CHANNEL.forum}/threads`)).toHaveLength(1);
    // Every later part went into one post: the one opened before the restart.
    const partPosts = fake.requests.filter(
      (request) =>
        /^\/channels\/\d+\/messages$/.test(request.path) && request.path !== `/channels/${CHANNEL.forum}/messages`,
    );
    expect(new Set(partPosts.map((request) => request.path)).size).toBe(1);
    expect(partPosts.filter((request) => request.status === 200)).toHaveLength(
      (await app.stores.outbox.counts()).sent - 1,
    );
  });

  it('does not open a second post when the answer to opening one never came back, restart or not', async () => {
    const { app, fake, restart } = await discordHarness();
    await seedDueDigest(app, { chat: forum, stories });
    await app.digest.job.runDue();
    const parts = (await app.stores.outbox.counts()).pending;
    fake.loseNextAnswer('POST', new RegExp(`^/channels/${CHANNEL.forum}/threads$`));
    await app.digest.worker.drain();
    expect(await app.stores.outbox.counts()).toMatchObject({ pending: parts, sent: 0 });

    await restart();
    app.db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending'`).run(new Date().toISOString());
    await app.digest.worker.drain();
    expect(await app.stores.outbox.counts()).toMatchObject({ pending: 0, sent: parts, failed: 0 });
    expect(fake.requests.filter((request) => request.path === `/channels/${CHANNEL.forum}/threads`)).toHaveLength(1);
    const partPosts = fake.requests.filter(
      (request) =>
        /^\/channels\/\d+\/messages$/.test(request.path) && request.path !== `/channels/${CHANNEL.forum}/messages`,
    );
    // The first part opened the post; the others went into it, none of them twice.
    expect(new Set(partPosts.map((request) => request.path)).size).toBe(1);
    expect(partPosts.map((request) => request.status)).toEqual(Array.from({ length: parts - 1 }, () => 200));
  });
});
