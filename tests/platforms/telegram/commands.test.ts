import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../../src/core/command.js';
import { textReply } from '../../../src/core/reply.js';
import { addStories, deliverDueDigests, makeDue } from '../../helpers/digest-seed.js';
import { startServer } from '../../ingest/helpers/feed-server.js';
import { alice, bob, group, privateChatOf, telegramHarness } from '../../helpers/telegram-harness.js';

/** Says which chat and actor a command ran for: shows what the platform decoded. */
const whereCommand = defineCommand({
  name: 'where',
  description: 'Where am I',
  access: 'chat-manager',
  options: [],
  example: '/where',
  run: ({ chat, actor }) =>
    textReply(`${chat.id} ${chat.kind} ${chat.communityId ?? '-'} moderator=${actor.isModerator}`),
});
const pickCommand = defineCommand({
  name: 'pick',
  description: 'Offers choices',
  access: 'anyone',
  options: [],
  example: '/pick',
  run: () => ({ kind: 'text', text: 'Pick a topic', choices: [{ label: 'World', command: '/where' }] }),
});

describe('Telegram commands through grammY and the fake Bot API', () => {
  it('answers a private chat: /start welcomes, /topics shows the topics, plain text a hint', async () => {
    const { app, fake, exchange } = await telegramHarness();
    await app.stores.topics.create({
      slug: 'world',
      name: 'World',
      description: 'World <b>news</b> & views',
      communityId: null,
    });
    const me = privateChatOf(alice);
    const [welcome] = await exchange(alice, me, '/start');
    expect(welcome!.text).toBe(
      [
        'Welcome to newsbrief',
        'newsbrief sends this chat a digest of the news on a schedule you choose: each story with its headline, the key quotes and who said them, and the link.',
        '',
        'Try these three:',
        '/topics — the topics you can follow here',
        '/latest world — the newest stories of a topic now',
        '/subscribe world daily 08:00 — a digest every morning at 08:00',
        '',
        '/help lists every command.',
      ].join('\n'),
    );
    // A deep link (t.me/bot?start=promo) sends "/start promo": the payload is no argument.
    const [linked] = await exchange(alice, me, '/start promo');
    expect(linked!.text).toBe(welcome!.text);
    const [help] = await exchange(alice, me, '/help');
    expect(help!.text).toMatch(/^Commands you can use here\nReading\n {2}\/start +What newsbrief does/);
    const [topics] = await exchange(alice, me, '/topics');
    expect(topics!.text).toBe('Topics you can subscribe to\nworld — World <b>news</b> & views · 0 feeds');
    expect(topics!.html).toContain('World &lt;b&gt;news&lt;/b&gt; &amp; views');
    const [hint] = await exchange(alice, me, 'hello?');
    expect(hint!.text).toBe('Commands start with / — try /help.');
    expect(fake.callsOf('setMyCommands').map((call) => (call.params.scope as { type: string }).type)).toEqual([
      'all_private_chats',
      'all_group_chats',
      'all_chat_administrators',
    ]);
  });

  it('takes a person in a private chat from /topics through /subscribe and /latest to a due digest', async () => {
    const { app, fake, exchange } = await telegramHarness();
    const world = await app.stores.topics.create({
      slug: 'world',
      name: 'World',
      description: 'World news',
      communityId: null,
    });
    const me = privateChatOf(alice);
    const [topics] = await exchange(alice, me, '/topics');
    expect(topics!.text).toContain('world — World news');
    const [subscribed] = await exchange(alice, me, '/subscribe world daily 08:00');
    expect(subscribed!.text).toMatch(/^This chat now follows World \(world\): /);
    expect(await app.stores.subscriptions.listForChat(`telegram:${alice.id}`)).toMatchObject([
      { topicId: world.id, schedule: 'daily 08:00' },
    ]);
    await addStories(app, world, [
      {
        headline: 'Bridge <approved> & opened',
        quotes: [{ text: 'A great day for the valley', speaker: 'Tom Varga', paragraph: 0 }],
      },
    ]);
    const [latest] = await exchange(alice, me, '/latest');
    expect(latest!.text).toMatch(/^Latest in World\n/);
    expect(latest!.text).toContain('Bridge <approved> & opened');
    expect(latest!.text).toContain('“A great day for the valley”\n— Tom Varga');
    expect(latest!.params.link_preview_options).toEqual({ is_disabled: true });
    await makeDue(app, `telegram:${alice.id}`);
    await deliverDueDigests(app);
    const digest = fake.messagesTo(alice.id).at(-1)!;
    expect(digest.text).toMatch(/^📰 /);
    expect(digest.text).toContain('Bridge <approved> & opened');
    expect(digest.text).toContain('“A great day for the valley”\n— Tom Varga');
  });

  it('keeps an emoji joined by zero-width joiners whole where a long outlet name is cut', async () => {
    const { app, exchange } = await telegramHarness();
    const family = '👨‍👩‍👧'; // three people joined by two zero-width joiners: one picture, 8 UTF-16 units
    const world = await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    const sport = await app.stores.topics.create({ slug: 'sport', name: 'Sport', communityId: null });
    // Outlet names are cut at 80 units: the emoji fits whole in the first and would straddle the cut in the second.
    await addStories(app, world, [{ headline: 'Bridge opens' }], `${'A'.repeat(70)}${family}${'B'.repeat(10)}`);
    await addStories(app, sport, [{ headline: 'Cup final' }], `${'C'.repeat(75)}${family} Gazette`);
    const me = privateChatOf(alice);
    const [worldReply] = await exchange(alice, me, '/latest world');
    expect(worldReply!.text).toContain(`${'A'.repeat(70)}${family}B…`);
    const [sportReply] = await exchange(alice, me, '/latest sport');
    expect(sportReply!.text).toContain(`${'C'.repeat(75)}… · `);
    for (const text of [worldReply!.text, sportReply!.text]) {
      const pictures = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)]
        .map(({ segment }) => segment)
        .filter((segment) => /\p{Extended_Pictographic}/u.test(segment));
      expect(pictures.every((picture) => picture === family)).toBe(true);
    }
  });

  it('answers the short forms people know from other feed bots in a group: /sub, /list, /unsub', async () => {
    const { app, fake, exchange } = await telegramHarness();
    await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    fake.setMember(group.id, alice.id, 'administrator');
    const [subscribed] = await exchange(alice, group, '/sub@newsbrief_test_bot world hourly');
    expect(subscribed!.text).toMatch(/^This chat now follows World \(world\): hourly \(UTC\), up to 8 stories\./);
    const [listed] = await exchange(alice, group, '/list');
    expect(listed!.text).toMatch(/^This chat follows\nworld — hourly \(UTC\), up to 8 stories\n/);
    const [gone] = await exchange(alice, group, '/unsub world');
    expect(gone!.text).toBe('This chat no longer follows World (world).');
    expect(await app.stores.subscriptions.listForChat(`telegram:${group.id}`)).toEqual([]);
    const [welcome] = await exchange(alice, group, '/start');
    expect(welcome!.text).toMatch(/^Welcome to newsbrief\n/);
  });

  it('offers the topics as buttons for a bare /subscribe, and subscribes the group when an administrator presses one', async () => {
    const { app, fake, exchange } = await telegramHarness();
    await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    await app.stores.topics.create({ slug: 'sport', name: 'Sport', communityId: null });
    fake.setMember(group.id, alice.id, 'administrator');
    const [offer] = await exchange(alice, group, '/subscribe');
    const keyboard = (offer!.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
      .inline_keyboard;
    expect(keyboard.flat()).toEqual([
      { text: 'Sport', callback_data: '/subscribe sport' },
      { text: 'World', callback_data: '/subscribe world' },
    ]);
    fake.pressButton(bob, offer!, '/subscribe world');
    const [refused] = await fake.waitForMessages(2, group.id).then((messages) => messages.slice(1));
    expect(refused!.text).toMatch(/^⚠️ Only people who manage this chat/);
    fake.pressButton(alice, offer!, '/subscribe world');
    const [done] = await fake.waitForMessages(3, group.id).then((messages) => messages.slice(2));
    expect(done!.text).toMatch(/^This chat now follows World/);
    expect(await app.stores.subscriptions.listForChat(`telegram:${group.id}`)).toHaveLength(1);
  });

  it('lets a group administrator add a feed and refuses a member', async () => {
    const feedServer = await startServer({
      '/feed.xml': (_request, response) => {
        response
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(readFileSync('tests/fixtures/feeds/rss2-full.xml'));
      },
    });
    const { app, fake, exchange } = await telegramHarness({ env: { ALLOW_PRIVATE_FEEDS: 'true' } });
    const local = await app.stores.topics.create({ slug: 'local', name: 'Local', communityId: `telegram:${group.id}` });
    fake.setMember(group.id, alice.id, 'administrator');
    fake.setMember(group.id, bob.id, 'member');
    const url = feedServer.url('/feed.xml');

    const [refused] = await exchange(bob, group, `/feed add local ${url}`);
    expect(refused!.text).toBe('⚠️ Only moderators of this community can do that.');
    expect(await app.stores.feeds.listForTopic(local.id)).toEqual([]);

    const [added] = await exchange(alice, group, `/feed@${fake.bot.username} add local ${url}`);
    expect(added!.text).toMatch(/^Added "The Valley & Coast Courier" \(1 item\) to 'local'/);
    expect((await app.stores.feeds.listForTopic(local.id)).map((feed) => feed.url)).toEqual([url]);
    const lookups = fake.callsOf('getChatMember').map((call) => call.params.user_id);
    expect(lookups).toEqual([bob.id, alice.id]);
  });

  it('lets a channel’s administrator manage it from a private chat, naming it by @name or id', async () => {
    const { app, fake, exchange } = await telegramHarness({ extraCommands: [whereCommand] });
    const world = await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    const channel = { id: -1002000000002, type: 'channel' as const, title: 'Daily Wire', username: 'dailywire' };
    fake.addChat(channel);
    fake.setMember(channel.id, alice.id, 'creator');
    fake.setMember(channel.id, fake.bot.id, 'administrator', { can_post_messages: true });
    const me = privateChatOf(alice);
    const [byName] = await exchange(alice, me, '/where @dailywire');
    expect(byName!.text).toBe(`telegram:${channel.id} channel telegram:${channel.id} moderator=true`);
    const [byId] = await exchange(alice, me, `/where ${channel.id}`);
    expect(byId!.text).toBe(byName!.text);
    const [subscribed] = await exchange(alice, me, '/subscribe @dailywire world daily 08:00');
    expect(subscribed!.text).toMatch(/^This chat now follows World/);
    await addStories(app, world, [{ headline: 'Channel news' }]);
    await makeDue(app, `telegram:${channel.id}`);
    await deliverDueDigests(app);
    expect(fake.messagesTo(channel.id).map((message) => message.text)).toEqual([
      expect.stringContaining('Channel news'),
    ]);

    const bobs = privateChatOf(bob);
    const [refused] = await exchange(bob, bobs, '/where @dailywire');
    expect(refused!.text).toBe('⚠️ Only administrators of Daily Wire can manage its subscriptions.');
    const [unknown] = await exchange(bob, bobs, '/where @nosuchchannel');
    expect(unknown!.text).toMatch(/^⚠️ I can't see @nosuchchannel\./);
    fake.setMember(channel.id, fake.bot.id, 'member');
    const [notAdmin] = await exchange(alice, me, '/where @dailywire');
    expect(notAdmin!.text).toBe('⚠️ Make me an administrator of Daily Wire who can post messages, then try again.');
  });

  it('treats a forum topic as its own chat and answers inside it', async () => {
    const { fake } = await telegramHarness({ extraCommands: [whereCommand] });
    const forum = { ...group, is_forum: true };
    fake.setMember(forum.id, alice.id, 'administrator');
    fake.userSays(alice, forum, '/where', { threadId: 77 });
    const [inTopic] = await fake.waitForMessages(1, forum.id);
    expect(inTopic!.text).toBe(`telegram:${forum.id}:77 thread telegram:${forum.id} moderator=true`);
    expect(inTopic!.message_thread_id).toBe(77);
  });

  it('runs an inline button’s command when pressed, answering the callback first', async () => {
    const { fake, exchange } = await telegramHarness({ extraCommands: [pickCommand, whereCommand] });
    const me = privateChatOf(alice);
    const [offer] = await exchange(alice, me, '/pick');
    const keyboard = (offer!.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
      .inline_keyboard;
    expect(keyboard).toEqual([[{ text: 'World', callback_data: '/where' }]]);
    fake.pressButton(alice, offer!, '/where');
    const [result] = await fake.waitForMessages(2, me.id).then((messages) => messages.slice(1));
    expect(result!.text).toBe(`telegram:${alice.id} private - moderator=false`);
    expect(fake.callsOf('answerCallbackQuery')).toHaveLength(1);
    fake.pressButton(alice, offer!, '~expired');
    await fake.waitForCalls('answerCallbackQuery', 2);
    expect(fake.callsOf('answerCallbackQuery')[1]!.params.text).toMatch(/expired/);
  });

  it('keeps going after a malformed update, and after a reply that fails', async () => {
    const { fake, exchange } = await telegramHarness();
    fake.injectUpdate({ message: { message_id: 1, chat: null, text: '/topics' } });
    fake.injectUpdate({ callback_query: { id: '1', from: { id: 5 }, data: 12 } });
    fake.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' });
    fake.userSays(alice, privateChatOf(alice), '/topics');
    await fake.waitForCalls('sendMessage', 1);
    const [answer] = await exchange(alice, privateChatOf(alice), '/topics');
    expect(answer!.text).toMatch(/^No topics yet/);
  });

  it('takes updates by webhook when configured, checking Telegram’s secret', async () => {
    const { fake, platform } = await telegramHarness({
      webhook: { url: 'https://bot.example/telegram/hook', port: 0, secret: 'hook-secret', host: '127.0.0.1' },
    });
    expect(fake.webhookUrl).toBe('https://bot.example/telegram/hook');
    expect(fake.callsOf('setWebhook')[0]!.params.secret_token).toBe('hook-secret');
    const endpoint = `http://127.0.0.1:${platform.webhookPort}/telegram/hook`;
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: privateChatOf(alice),
        from: alice,
        text: '/topics',
        entities: [{ type: 'bot_command', offset: 0, length: 7 }],
      },
    };
    const post = (secret: string) =>
      fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(update),
      });
    expect((await post('wrong')).status).toBe(401);
    expect((await post('hook-secret')).status).toBe(200);
    const [answer] = await fake.waitForMessages(1, alice.id);
    expect(answer!.text).toMatch(/^No topics yet/);
    expect(fake.callsOf('getUpdates')).toHaveLength(0);
  });
});
