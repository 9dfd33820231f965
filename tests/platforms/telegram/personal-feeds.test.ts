import { describe, expect, it } from 'vitest';
import { deliverDueDigests, makeDue } from '../../helpers/digest-seed.js';
import { alice, bob, group, privateChatOf, telegramHarness } from '../../helpers/telegram-harness.js';
import { serve, startServer } from '../../ingest/helpers/feed-server.js';
import { fixture, rssFeed } from '../../ingest/helpers/feeds.js';

const LAKESIDE = [
  { title: 'Regatta postponed', guid: 'lt-1' },
  { title: 'Boathouse reopens', guid: 'lt-2' },
];

describe('personal feeds in a Telegram private chat, through grammY and the fake Bot API', () => {
  it('follows a page’s feed, sends nothing old, then a new item in the digest; exports and unfollows it', async () => {
    const server = await startServer();
    server.route('/', serve(fixture('page-with-feed.html', server.origin), 'text/html'));
    server.route('/feeds/news.xml', serve(rssFeed('Lakeside Times', LAKESIDE)));
    const { app, fake, exchange } = await telegramHarness({ env: { ALLOW_PRIVATE_FEEDS: 'true' } });
    const me = privateChatOf(alice);

    const [followed] = await exchange(alice, me, `/subscribe ${server.url('/')}`);
    expect(followed!.text).toMatch(
      new RegExp(
        `^Found it on ${server.url('/')}\\.\\nYou now follow "Lakeside Times" \\(lakeside-times\\): daily 08:00 \\(UTC\\)`,
      ),
    );
    await app.ingest.pollDueFeeds();
    await makeDue(app, `telegram:${alice.id}`);
    await deliverDueDigests(app);
    expect(fake.messagesTo(alice.id)).toHaveLength(1);

    server.route(
      '/feeds/news.xml',
      serve(rssFeed('Lakeside Times', [{ title: 'Swans return', guid: 'lt-3' }, ...LAKESIDE])),
    );
    await app.ingest.pollDueFeeds({ all: true });
    await makeDue(app, `telegram:${alice.id}`);
    await deliverDueDigests(app);
    const digest = fake.messagesTo(alice.id).at(-1)!;
    expect(digest.text).toMatch(/^📰 /);
    expect(digest.text).toContain('Swans return');
    expect(digest.text).not.toContain('Regatta postponed');

    const [listed] = await exchange(alice, me, '/list');
    expect(listed!.text).toContain(`lakeside-times (your feed ${server.url('/feeds/news.xml')})`);
    const [exported] = await exchange(alice, me, '/export');
    expect(exported!.text).toContain(`xmlUrl="${server.url('/feeds/news.xml')}"`);

    // Another person sees nothing of it.
    const [elsewhere] = await exchange(bob, privateChatOf(bob), '/unsub lakeside-times');
    expect(elsewhere!.text).toMatch(/unknown topic 'lakeside-times'/);

    const [left] = await exchange(alice, me, `/unsubscribe ${server.url('/feeds/news.xml')}`);
    expect(left!.text).toBe('You no longer follow "Lakeside Times" (lakeside-times).');
    expect(await app.stores.subscriptions.listForChat(`telegram:${alice.id}`)).toEqual([]);
    expect(await app.stores.feeds.listAll()).toEqual([]);
  });

  it('points a group’s administrator to /feed add and fetches nothing', async () => {
    const server = await startServer({ '/rss': serve(rssFeed('Harbour Gazette', LAKESIDE)) });
    const { app, fake, exchange } = await telegramHarness({ env: { ALLOW_PRIVATE_FEEDS: 'true' } });
    fake.setMember(group.id, alice.id, 'administrator');
    const [pointer] = await exchange(alice, group, `/subscribe ${server.url('/rss')}`);
    expect(pointer!.text).toContain('/subscribe <address> follows a feed for one person, in a private chat with me.');
    expect(pointer!.text).toContain('/feed add <topic> <address>');
    expect(server.requests).toEqual([]);
    expect(await app.stores.feeds.listAll()).toEqual([]);
  });
});
