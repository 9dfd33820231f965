import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import type { ChatRef } from '../../src/core/domain.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import { PERSONAL_FEED_CAP } from '../../src/core/personal-feeds.js';
import type { Reply } from '../../src/core/reply.js';
import { deliverDueDigests, makeDue } from '../helpers/digest-seed.js';
import { recordingMessenger } from '../helpers/recording-messenger.js';
import { contextFor, groupChat, member, moderator, operator, privateChat, testApp } from '../helpers/test-app.js';
import { serve, startServer } from '../ingest/helpers/feed-server.js';
import { fixture, rssFeed } from '../ingest/helpers/feeds.js';

const ALICE = privateChat('telegram:100');
const BOB = privateChat('telegram:101');
/** A person in their own private chat: manages it, moderates nothing. */
const person = (id: string) => member({ id, canManageChat: true });

async function setup() {
  const server = await startServer({
    '/rss': serve(
      rssFeed('Harbour Gazette', [
        { title: 'Ferry resumes', guid: 'hg-1' },
        { title: 'Pier repaired', guid: 'hg-2' },
      ]),
    ),
    '/missing': (_request, response) => void response.writeHead(404).end(),
  });
  server.route('/', serve(fixture('page-with-feed.html', server.origin), 'text/html'));
  server.route('/feeds/news.xml', serve(rssFeed('Lakeside Times', [{ title: 'Regatta', guid: 'lt-1' }])));
  const app = await testApp({ ALLOW_PRIVATE_FEEDS: 'true' });
  await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
  const recorder = recordingMessenger({ platform: 'telegram' });
  app.digest.addMessenger(recorder.messenger);
  const as =
    (chat: ChatRef, actor = person(`telegram:${chat.id.split(':')[1]}`)) =>
    async (line: string) => {
      const reply = (await dispatchLine(COMMANDS, line, await contextFor(app, chat, actor), app.logger)) as Reply;
      return reply.kind === 'text' ? reply.text : reply.kind === 'error' ? `ERROR ${reply.message}` : reply.kind;
    };
  const personalOf = (chat: ChatRef) => app.stores.topics.listPersonal(chat.id);
  return { server, app, recorder, alice: as(ALICE), bob: as(BOB), as, personalOf };
}

describe('personal feeds: /subscribe <address> in a private chat', () => {
  it('follows a feed by its address; the first poll is a baseline and only a later item reaches the digest', async () => {
    const { server, app, recorder, alice, personalOf } = await setup();
    const reply = await alice(`/subscribe ${server.url('/rss')}`);
    expect(reply).toMatch(
      /^You now follow "Harbour Gazette" \(harbour-gazette\): daily 08:00 \(UTC\), up to 8 stories\.\nIts 2 current items are not sent; what it publishes from now on comes in your digest\. Next digest: .+\.\n\/unsubscribe harbour-gazette stops it\.$/,
    );
    const [topic] = await personalOf(ALICE);
    expect(topic).toMatchObject({ slug: 'harbour-gazette', ownerChatId: 'telegram:100', communityId: null });
    expect(await app.stores.subscriptions.listForChat('telegram:100')).toMatchObject([{ topicId: topic!.id }]);
    expect((await app.stores.audit.list())[0]).toMatchObject({
      action: 'personal-feed.add',
      detail: `harbour-gazette: ${server.url('/rss')}`,
    });

    await app.ingest.pollDueFeeds();
    await makeDue(app, 'telegram:100');
    await deliverDueDigests(app);
    expect(recorder.sends).toEqual([]);

    server.route(
      '/rss',
      serve(
        rssFeed('Harbour Gazette', [
          { title: 'Lighthouse relit', guid: 'hg-3' },
          { title: 'Ferry resumes', guid: 'hg-1' },
          { title: 'Pier repaired', guid: 'hg-2' },
        ]),
      ),
    );
    await app.ingest.pollDueFeeds({ all: true });
    await makeDue(app, 'telegram:100');
    await deliverDueDigests(app);
    expect(recorder.sends.map((send) => send.chatId)).toEqual(['telegram:100']);
    expect(recorder.sends[0]!.text).toContain('Lighthouse relit');
    expect(recorder.sends[0]!.text).not.toContain('Ferry resumes');
  });

  it('finds the feed a page announces, and takes schedule words after the address', async () => {
    const { server, app, alice } = await setup();
    expect(await alice(`/subscribe ${server.url('/')} instant`)).toMatch(
      new RegExp(
        `^Found it on ${server.url('/')}\\.\\nYou now follow "Lakeside Times" \\(lakeside-times\\): each story as it lands`,
      ),
    );
    expect((await app.stores.feeds.listAll()).map((feed) => feed.url)).toEqual([server.url('/feeds/news.xml')]);
    expect(await alice(`/subscribe ${server.url('/feeds/news.xml')}`)).toBe(
      'You already follow "Lakeside Times" (lakeside-times). /unsubscribe lakeside-times stops it.',
    );
    expect(await alice(`/subscribe ${server.url('/')}`)).toBe(
      'You already follow "Lakeside Times" (lakeside-times). /unsubscribe lakeside-times stops it.',
    );
    expect(await app.stores.topics.listPersonal('telegram:100')).toHaveLength(1);
  });

  it('refuses an address that is no feed with the reason, and makes nothing', async () => {
    const { server, app, alice } = await setup();
    expect(await alice(`/subscribe ${server.url('/missing')}`)).toBe(
      `ERROR Could not follow ${server.url('/missing')}: HTTP 404 Not Found`,
    );
    expect(await app.stores.topics.listPersonal('telegram:100')).toEqual([]);
    expect(await app.stores.feeds.listAll()).toEqual([]);
    expect(await app.stores.subscriptions.listForChat('telegram:100')).toEqual([]);
  });

  it('puts the address through the same guard as /feed add: a private address is refused unfetched', async () => {
    const { server } = await setup();
    const guarded = await testApp();
    const reply = (await dispatchLine(
      COMMANDS,
      `/subscribe ${server.url('/rss')}`,
      await contextFor(guarded, ALICE, person('telegram:100')),
      guarded.logger,
    )) as Reply;
    expect(reply).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^Could not follow .+: refused address: /),
    });
    expect(server.requests).toEqual([]);
    expect(await guarded.stores.topics.listPersonal('telegram:100')).toEqual([]);
  });

  it(`stops at ${PERSONAL_FEED_CAP} feeds per person with a clear message, before fetching`, async () => {
    const { server, app, alice } = await setup();
    for (let n = 1; n <= PERSONAL_FEED_CAP; n++) {
      const topic = await app.stores.topics.create({
        slug: `feed-${n}`,
        name: `Feed ${n}`,
        communityId: null,
        ownerChatId: 'telegram:100',
      });
      await app.stores.feeds.attach(
        topic.id,
        (await app.stores.feeds.ensure(`https://feeds.example/${n}.xml`)).id,
        'test',
      );
    }
    expect(await alice(`/subscribe ${server.url('/rss')}`)).toBe(
      `ERROR You follow ${PERSONAL_FEED_CAP} feeds of your own, the most one person can (${PERSONAL_FEED_CAP}). ` +
        '/unsubscribe one of them first — /subscriptions lists them.',
    );
    expect(server.requests).toEqual([]);
    expect(await app.stores.topics.listPersonal('telegram:100')).toHaveLength(PERSONAL_FEED_CAP);
  });

  it('points a group to the moderators’ /feed add, and fetches nothing', async () => {
    const { server, app, as } = await setup();
    expect(await as(groupChat(), moderator())(`/subscribe ${server.url('/rss')}`)).toBe(
      'ERROR /subscribe <address> follows a feed for one person, in a private chat with me. Here, a moderator adds ' +
        "the feed to one of this community's topics (/feed add <topic> <address>) and the chat follows that topic " +
        '(/subscribe <topic>).',
    );
    expect(server.requests).toEqual([]);
    expect(await app.stores.feeds.listAll()).toEqual([]);
  });

  it('keeps a person’s feed out of every other chat, which follows the same address as its own', async () => {
    const { server, app, alice, bob, as } = await setup();
    await alice(`/subscribe ${server.url('/rss')}`);
    for (const chat of [BOB, groupChat()]) {
      const other = as(chat, moderator());
      expect(await other('/topics')).not.toContain('harbour-gazette');
      expect(await other('/subscribe harbour-gazette')).toMatch(/^ERROR unknown topic 'harbour-gazette'/);
      expect(await other('/latest harbour-gazette')).toMatch(/^ERROR unknown topic 'harbour-gazette'/);
      expect(await other('/unsubscribe harbour-gazette')).toMatch(/^ERROR unknown topic 'harbour-gazette'/);
    }
    expect(await bob(`/unsubscribe ${server.url('/rss')}`)).toBe(
      `ERROR This chat does not follow ${server.url('/rss')}. /subscriptions lists what it follows.`,
    );
    expect(await bob(`/subscribe ${server.url('/rss')}`)).toMatch(
      /^You now follow "Harbour Gazette" \(harbour-gazette\)/,
    );
    expect(await app.stores.feeds.listAll()).toHaveLength(1);
    expect((await app.stores.topics.listVisible(null)).map((topic) => topic.slug)).toEqual(['world']);

    // Alice leaves: Bob's copy and the shared feed stay. Bob leaves: the feed goes too.
    expect(await alice(`/unsubscribe ${server.url('/rss')}`)).toBe(
      'You no longer follow "Harbour Gazette" (harbour-gazette).',
    );
    expect(await app.stores.topics.listPersonal('telegram:100')).toEqual([]);
    expect(await app.stores.subscriptions.listForChat('telegram:100')).toEqual([]);
    expect(await app.stores.feeds.listAll()).toHaveLength(1);
    expect(await bob('/unsubscribe harbour-gazette')).toBe('You no longer follow "Harbour Gazette" (harbour-gazette).');
    expect(await app.stores.feeds.listAll()).toEqual([]);
  });

  it('lists the person’s feeds in /subscriptions and /export, and keeps /feed and /topic off them', async () => {
    const { server, alice, as } = await setup();
    expect(await alice('/export')).toBe('You follow no feeds of your own yet: /subscribe <feed address> follows one.');
    await alice(`/subscribe ${server.url('/rss')}`);
    await alice('/subscribe world');
    const listed = await alice('/subscriptions');
    expect(listed).toContain(`harbour-gazette (your feed ${server.url('/rss')}) — daily 08:00 (UTC), up to 8 stories`);
    expect(listed).toContain('world — daily 08:00');
    const opml = await alice('/export');
    expect(opml).toContain('<opml');
    expect(opml).toContain(`xmlUrl="${server.url('/rss')}"`);
    expect(opml).toContain('Harbour Gazette');
    expect(await alice(`/subscribe harbour-gazette instant`)).toMatch(
      /^Updated Harbour Gazette \(harbour-gazette\): each story/,
    );
    expect(await alice(`/feed add harbour-gazette ${server.url('/feeds/news.xml')}`)).toMatch(/^ERROR Only moderators/);
    // Even the operator, in that chat, changes it only by /subscribe and /unsubscribe.
    expect(await as(ALICE, operator())('/topic delete harbour-gazette')).toBe(
      "ERROR 'harbour-gazette' is one of your own feeds: /unsubscribe harbour-gazette stops it, /subscribe <address> follows another.",
    );
  });

  it('brings exported feeds back with /import in a private chat, within the cap, fetching nothing until the first poll', async () => {
    const { server, app, recorder, alice } = await setup();
    await alice(`/subscribe ${server.url('/rss')}`);
    const opml = await alice('/export');
    await alice('/unsubscribe harbour-gazette');
    server.route('/mine.opml', serve(opml, 'text/x-opml'));
    const fetchedBefore = server.hits('/rss');
    expect(await alice(`/import ${server.url('/mine.opml')}`)).toBe(
      'You now follow 1 more feed of your own.\n' +
        'Each feed is checked by its first poll, which sends nothing old; /subscriptions lists them.',
    );
    expect(server.hits('/rss')).toBe(fetchedBefore);
    expect(await app.stores.topics.listPersonal('telegram:100')).toMatchObject([
      { slug: 'harbour-gazette', name: 'Harbour Gazette' },
    ]);
    expect(await alice(`/import ${server.url('/mine.opml')}`)).toMatch(
      /^You now follow 0 more feeds of your own; 1 you already followed\./,
    );
    await app.ingest.pollDueFeeds();
    await makeDue(app, 'telegram:100');
    await deliverDueDigests(app);
    expect(recorder.sends).toEqual([]);

    for (let n = 2; n < PERSONAL_FEED_CAP; n++) {
      const topic = await app.stores.topics.create({
        slug: `f-${n}`,
        name: `F ${n}`,
        communityId: null,
        ownerChatId: 'telegram:100',
      });
      await app.stores.feeds.attach(
        topic.id,
        (await app.stores.feeds.ensure(`https://feeds.example/${n}.xml`)).id,
        'test',
      );
    }
    const three = ['a', 'b', 'c'].map((name) => `<outline text="${name}" xmlUrl="https://more.example/${name}.xml"/>`);
    server.route(
      '/more.opml',
      serve(`<opml version="2.0"><head/><body>${three.join('')}</body></opml>`, 'text/x-opml'),
    );
    expect(await alice(`/import ${server.url('/more.opml')}`)).toMatch(
      new RegExp(
        `^You now follow 1 more feed of your own\\.\\n2 more would pass the ${PERSONAL_FEED_CAP} feeds one person may follow: left out\\.`,
      ),
    );
    expect(await app.stores.topics.listPersonal('telegram:100')).toHaveLength(PERSONAL_FEED_CAP);
  });
});
