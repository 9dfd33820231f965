import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../../src/core/domain.js';
import { deliverDueDigests, seedDueDigest } from '../../helpers/digest-seed.js';
import { alice, group, privateChatOf, telegramHarness } from '../../helpers/telegram-harness.js';

const aliceChat: ChatRef = { id: `telegram:${alice.id}`, platform: 'telegram', kind: 'private', communityId: null };
const stories = [
  {
    headline: 'Council approves the new bridge',
    quotes: [
      { text: 'This bridge will finally join the two halves of the valley', speaker: 'Tom Varga', paragraph: 1 },
      { text: 'We will start in March', speaker: 'Ana Ruiz', paragraph: 2 },
    ],
  },
  { headline: 'Ferry timetable changes', quotes: [] },
];
type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

describe('subscription settings on Telegram, through grammY and the fake Bot API', () => {
  it('delivers a silent subscription with disable_notification and turns link previews on when asked', async () => {
    const { app, fake, exchange } = await telegramHarness();
    await seedDueDigest(app, { chat: aliceChat, stories });
    const [saved] = await exchange(alice, privateChatOf(alice), '/settings world silent on previews on');
    expect(saved!.text).toContain('Saved: previews on, silent on.');
    const before = fake.messagesTo(alice.id).length;
    await deliverDueDigests(app);
    const [digest] = fake.messagesTo(alice.id).slice(before);
    expect(digest!.params).toMatchObject({ disable_notification: true, link_preview_options: { is_disabled: false } });
  });

  it('keeps today’s delivery by default: a notification, link previews off', async () => {
    const { app, fake } = await telegramHarness();
    await seedDueDigest(app, { chat: aliceChat, stories });
    await deliverDueDigests(app);
    const [digest] = fake.messagesTo(alice.id);
    expect(digest!.params).toMatchObject({ link_preview_options: { is_disabled: true } });
    expect(digest!.params.disable_notification).toBeUndefined();
  });

  it('sends a compact digest as linked headlines only, and one quote per story with quotes 1', async () => {
    const { app, fake, exchange } = await telegramHarness();
    await seedDueDigest(app, { chat: aliceChat, stories });
    await exchange(alice, privateChatOf(alice), '/settings world format compact');
    let before = fake.messagesTo(alice.id).length;
    await deliverDueDigests(app);
    const [compact] = fake.messagesTo(alice.id).slice(before);
    expect(compact!.text).toMatch(/▸ World news\n• Council approves the new bridge\n• Ferry timetable changes$/);
    expect(compact!.links).toEqual(['https://news.example/world/0', 'https://news.example/world/1']);

    // Other stories: the same words would make them the same events, already delivered.
    const science = [
      {
        headline: 'Telescope finds a second moon',
        quotes: [
          { text: 'Nobody expected a second moon there', speaker: 'Iris Lund', paragraph: 1 },
          { text: 'We will look again in spring', speaker: 'Omar Haddad', paragraph: 2 },
        ],
      },
    ];
    await seedDueDigest(app, { chat: aliceChat, topic: 'science', stories: science });
    await exchange(alice, privateChatOf(alice), '/settings science quotes 1');
    before = fake.messagesTo(alice.id).length;
    await deliverDueDigests(app);
    const [full] = fake.messagesTo(alice.id).slice(before);
    expect(full!.text).toContain('“Nobody expected a second moon there”\n— Iris Lund');
    expect(full!.text).not.toContain('Omar Haddad');
  });

  it('changes a setting from the /settings inline keyboard, redrawing the panel in place', async () => {
    const { app, fake, exchange } = await telegramHarness();
    const { topicId } = await seedDueDigest(app, { chat: aliceChat, stories });
    const [panel] = await exchange(alice, privateChatOf(alice), '/settings world');
    expect(panel!.text).toContain('quotes: 2 per story');
    const buttons = (panel!.params.reply_markup as Keyboard).inline_keyboard.flat();
    expect(buttons.map((button) => button.text)).toEqual([
      'Format: compact',
      'Quotes: 3',
      'Previews on',
      'Silent on',
      'Images off',
    ]);
    const quotes = buttons.find((button) => button.text === 'Quotes: 3')!;
    expect(quotes.callback_data).toBe('/settings world quotes 3');
    const sent = fake.messagesTo(alice.id).length;
    fake.pressButton(alice, panel!, quotes.callback_data);
    const [edit] = await fake.waitForCalls('editMessageText');
    expect(edit!.ok).toBe(true);
    expect((await app.stores.subscriptions.find(aliceChat.id, topicId))!.style.quotes).toBe(3);
    // The same message now shows the new value and offers the next one; nothing new was sent.
    expect(fake.messagesTo(alice.id)).toHaveLength(sent);
    expect(panel!.text).toContain('Saved: quotes 3.');
    expect(panel!.text).toContain('quotes: 3 per story');
    expect((panel!.params.reply_markup as Keyboard).inline_keyboard.flat()[1]!.text).toBe('Quotes: 0');
  });

  it('answers mention with a message saying it is Discord-only', async () => {
    const { app, fake, exchange } = await telegramHarness();
    await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    fake.setMember(group.id, alice.id, 'administrator');
    const [answer] = await exchange(alice, group, '/subscribe world daily 08:00 mention @News');
    expect(answer!.text).toMatch(/mention is Discord-only/);
    expect(await app.stores.subscriptions.listForChat(`telegram:${group.id}`)).toEqual([]);
  });
});
