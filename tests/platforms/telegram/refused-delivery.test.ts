import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import type { ChatRef } from '../../../src/core/domain.js';
import { dispatchLine } from '../../../src/core/dispatch.js';
import { addStories, makeDue, seedDueDigest } from '../../helpers/digest-seed.js';
import { telegramFailures } from '../../helpers/fake-telegram.js';
import { alice, privateChatOf, telegramHarness } from '../../helpers/telegram-harness.js';
import { contextFor, groupChat, member, moderator } from '../../helpers/test-app.js';

const aliceChat: ChatRef = { id: `telegram:${alice.id}`, platform: 'telegram', kind: 'private', communityId: null };

describe('a message Telegram refuses does not silence the chat', () => {
  it('fails the refused digest, delivers the next one, and /status shows the failure and its reason', async () => {
    const { app, fake, exchange } = await telegramHarness();
    const { topicId } = await seedDueDigest(app, { chat: aliceChat, stories: [{ headline: 'First digest story' }] });
    await app.digest.job.runDue();
    await addStories(app, (await app.stores.topics.get(topicId))!, [{ headline: 'Second digest story' }], 'Later News');
    await makeDue(app, aliceChat.id);
    await app.digest.job.runDue();
    expect(await app.stores.outbox.counts()).toMatchObject({ pending: 2 });

    fake.failNext('sendMessage', telegramFailures.messageTooLong());
    await app.digest.worker.drain();
    const delivered = fake.messagesTo(alice.id);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.text).toContain('Second digest story');
    expect(fake.callsOf('sendMessage').map((call) => call.ok)).toEqual([false, true]);
    expect(await app.stores.outbox.counts()).toMatchObject({ pending: 0, sent: 1, failed: 1 });

    const [status] = await exchange(alice, privateChatOf(alice), '/status');
    expect(status!.text).toContain('1 failed');
    expect(status!.text).toMatch(/after 1 attempt: refused by the platform: 400: Bad Request: message is too long/);
  });

  it('/status is for whoever manages the chat: a group member is refused, a moderator sees it', async () => {
    const { app } = await telegramHarness();
    const group = groupChat('telegram:-300', 'telegram:-300');
    const ask = async (actor = member()) =>
      dispatchLine(COMMANDS, '/status', await contextFor(app, group, actor), app.logger);
    expect(await ask()).toMatchObject({ kind: 'error', message: expect.stringMatching(/manage this chat/) });
    expect(await ask(moderator())).toMatchObject({
      kind: 'text',
      text: expect.stringContaining('Messages for this chat: 0 waiting, 0 held by a pause, 0 failed, 0 sent.'),
    });
  });
});
