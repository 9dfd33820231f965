import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../../src/core/domain.js';
import { deliverDueDigests, seedDueDigest } from '../../helpers/digest-seed.js';
import { telegramFailures } from '../../helpers/fake-telegram.js';
import { alice, group, telegramHarness } from '../../helpers/telegram-harness.js';
import { HOSTILE } from '../story-fixtures.js';

/** Until an asynchronous check (a store read) holds, polling as the fakes' waitUntil does. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (await check()) return;
  }
  throw new Error(`timed out waiting for ${what}`);
}

const aliceChat: ChatRef = { id: `telegram:${alice.id}`, platform: 'telegram', kind: 'private', communityId: null };
const stories = [
  {
    headline: 'Council approves the new bridge',
    quotes: [
      { text: 'This bridge will finally join the two halves of the valley', speaker: 'Tom Varga', paragraph: 1 },
      { text: 'We will start in March', speaker: 'Ana Ruiz', paragraph: 2 },
    ],
  },
  { headline: HOSTILE, quotes: [{ text: `${HOSTILE} said`, speaker: '<i>@here</i>', paragraph: 0 }] },
];

describe('Telegram digest delivery through grammY and the fake Bot API', () => {
  it('delivers a due digest as HTML with the right quotations and speakers, link previews off', async () => {
    const { app, fake } = await telegramHarness();
    await seedDueDigest(app, { chat: aliceChat, stories, timezone: 'Europe/London' });
    await deliverDueDigests(app);
    const [digest, ...rest] = fake.messagesTo(alice.id);
    expect(rest).toEqual([]);
    expect(digest!.params).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(digest!.text).toContain('Council approves the new bridge');
    expect(digest!.text).toContain('“This bridge will finally join the two halves of the valley”\n— Tom Varga');
    expect(digest!.text).toContain('“We will start in March”\n— Ana Ruiz');
    // Hostile feed text arrives as the words it is: no markup of its own, nothing invisible.
    expect(digest!.text).toContain('@everyone <b>bold</b> **stars**');
    expect(digest!.text).toContain('— <i>@here</i>');
    expect(digest!.text).not.toMatch(/[\u200b\u202e]/);
    expect(digest!.links).toEqual(['https://news.example/world/0', 'https://news.example/world/1']);
    expect(await app.stores.outbox.counts()).toMatchObject({ pending: 0, sent: 1 });
  });

  it('pauses the chat when the user has blocked the bot (403), keeping the digest', async () => {
    const { app, fake } = await telegramHarness();
    await seedDueDigest(app, { chat: aliceChat, stories });
    fake.failNext('sendMessage', telegramFailures.blocked());
    await deliverDueDigests(app);
    const chat = (await app.stores.chats.get(aliceChat.id))!;
    expect(chat.pausedAt).not.toBeNull();
    expect(chat.pausedReason).toMatch(/blocked by the user/);
    expect(fake.messagesTo(alice.id)).toEqual([]);
    expect(await app.stores.outbox.counts()).toMatchObject({ held: 1, sent: 0 });
  });

  it('waits out a 429 with retry_after 1 and delivers the message once', async () => {
    const { app, fake } = await telegramHarness();
    await seedDueDigest(app, { chat: aliceChat, stories });
    fake.failNext('sendMessage', telegramFailures.tooManyRequests(1));
    const started = Date.now();
    await deliverDueDigests(app);
    const attempts = fake.callsOf('sendMessage');
    expect(attempts.map((call) => call.ok)).toEqual([false, true]);
    expect(fake.messagesTo(alice.id)).toHaveLength(1);
    // Generous bound: the retry waited for the second Telegram asked for.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('follows a group to its new supergroup id and delivers there', async () => {
    const { app, fake } = await telegramHarness();
    const basicGroup: ChatRef = {
      id: 'telegram:-4001',
      platform: 'telegram',
      kind: 'group',
      communityId: 'telegram:-4001',
    };
    await seedDueDigest(app, { chat: basicGroup, stories });
    fake.failNext('sendMessage', telegramFailures.migrated(-1004001));
    await deliverDueDigests(app);
    expect(fake.messagesTo(-1004001)).toHaveLength(1);
    expect(await app.stores.chats.get('telegram:-1004001')).not.toBeNull();
    expect(await app.stores.subscriptions.listForChat('telegram:-1004001')).toHaveLength(1);
  });

  it('moves the chat when a group becomes a supergroup, and pauses it when the bot is removed', async () => {
    const { app, fake } = await telegramHarness();
    await app.stores.chats.ensure({
      id: 'telegram:-5001',
      platform: 'telegram',
      kind: 'group',
      communityId: 'telegram:-5001',
    });
    fake.injectUpdate({
      message: {
        message_id: 9,
        date: 0,
        chat: { id: -5001, type: 'group', title: 'Old' },
        from: alice,
        migrate_to_chat_id: group.id,
      },
    });
    await until(async () => (await app.stores.chats.get(`telegram:${group.id}`)) !== null, 'the chat to move');
    expect(await app.stores.chats.get('telegram:-5001')).toBeNull();
    fake.injectUpdate({
      my_chat_member: {
        chat: group,
        from: alice,
        date: 0,
        old_chat_member: { status: 'member', user: fake.bot },
        new_chat_member: { status: 'kicked', user: fake.bot, until_date: 0 },
      },
    });
    const paused = async () => (await app.stores.chats.get(`telegram:${group.id}`))?.pausedReason;
    await until(async () => (await paused()) != null, 'the chat to pause');
    expect(await paused()).toBe('the bot was removed from this chat');
  });

  it('fails a message Telegram refused as too long, for good, without pausing the chat', async () => {
    const { app, fake } = await telegramHarness();
    await seedDueDigest(app, { chat: aliceChat, stories });
    fake.failNext('sendMessage', telegramFailures.messageTooLong());
    await deliverDueDigests(app);
    expect((await app.stores.chats.get(aliceChat.id))!.pausedAt).toBeNull();
    expect(await app.stores.outbox.counts()).toMatchObject({ pending: 0, sent: 0, failed: 1 });
  });

  it('pauses a closed forum topic and says so in its group', async () => {
    const { app, fake } = await telegramHarness();
    const topicChat: ChatRef = {
      id: `telegram:${group.id}:78`,
      platform: 'telegram',
      kind: 'thread',
      communityId: `telegram:${group.id}`,
      title: 'Bridges',
    };
    await seedDueDigest(app, { chat: topicChat, stories });
    fake.failNext('sendMessage', { error_code: 400, description: 'Bad Request: message thread not found' });
    await deliverDueDigests(app);
    expect((await app.stores.chats.get(topicChat.id))!.pausedReason).toMatch(/message thread not found/);
    const [notice] = fake.messagesTo(group.id);
    expect(notice!.message_thread_id).toBeUndefined();
    expect(notice!.text).toMatch(/^Deliveries to the topic "Bridges" are paused: .*message thread not found.*\/resume/);
  });

  it('delivers a forum topic’s digest into that topic', async () => {
    const { app, fake } = await telegramHarness();
    const topicChat: ChatRef = {
      id: `telegram:${group.id}:77`,
      platform: 'telegram',
      kind: 'thread',
      communityId: `telegram:${group.id}`,
    };
    await seedDueDigest(app, { chat: topicChat, stories: stories.slice(0, 1) });
    await deliverDueDigests(app);
    const [message] = fake.messagesTo(group.id);
    expect(message!.message_thread_id).toBe(77);
    expect(message!.text).toContain('— Tom Varga');
  });
});
