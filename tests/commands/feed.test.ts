import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { contextFor, groupChat, member, moderator, operator, privateChat, testApp } from '../helpers/test-app.js';
import { serve, startServer } from '../ingest/helpers/feed-server.js';
import { fixture, rssFeed } from '../ingest/helpers/feeds.js';

const COMMUNITY = 'telegram:-200';

async function setup() {
  const server = await startServer({
    '/rss': serve(
      rssFeed('Harbour Gazette', [
        { title: 'One', guid: 'harbour-gazette-one' },
        { title: 'Two', guid: 'harbour-gazette-two' },
      ]),
    ),
    '/missing': (_request, response) => void response.writeHead(404).end(),
  });
  server.route('/', serve(fixture('page-with-feed.html', server.origin), 'text/html'));
  server.route('/feeds/news.xml', serve(rssFeed('Lakeside Times', [{ title: 'Three', guid: 'lakeside-times-three' }])));
  const app = await testApp({ ALLOW_PRIVATE_FEEDS: 'true' });
  const harbour = await app.stores.topics.create({ slug: 'harbour', name: 'Harbour', communityId: COMMUNITY });
  const world = await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
  const as =
    (actor = moderator(), chat = groupChat()) =>
    async (line: string) =>
      dispatchLine(COMMANDS, line, await contextFor(app, chat, actor), app.logger) as Promise<Reply>;
  return {
    server,
    app,
    harbour,
    world,
    as,
    feedsOf: async (topicId: number) => (await app.stores.feeds.listForTopic(topicId)).map((feed) => feed.url),
  };
}

const text = (reply: Reply): string =>
  reply.kind === 'text' ? reply.text : reply.kind === 'error' ? `ERROR ${reply.message}` : reply.kind;

describe('/feed add', () => {
  it('checks the URL by fetching it, adds the feed to the community topic and audits who did it', async () => {
    const { server, app, harbour, as, feedsOf } = await setup();
    const reply = await as()(`/feed add harbour ${server.url('/rss')}`);
    expect(text(reply)).toMatch(/^Added "Harbour Gazette" \(2 items\) to 'harbour'\./);
    expect(await feedsOf(harbour.id)).toEqual([server.url('/rss')]);
    expect((await app.stores.feeds.findByUrl(server.url('/rss')))?.title).toBe('Harbour Gazette');
    expect(
      (await app.stores.audit.list()).map((entry) => [
        entry.action,
        entry.actorId,
        entry.communityId,
        entry.chatId,
        entry.detail,
      ]),
    ).toEqual([['feed.add', 'telegram:2', COMMUNITY, 'telegram:-200', `harbour: ${server.url('/rss')}`]]);
    expect(text(await as()(`/feed add harbour ${server.url('/rss')}`))).toBe(
      `${server.url('/rss')} is already a feed of 'harbour'.`,
    );
  });

  it('discovers the feed from a page that announces one', async () => {
    const { server, harbour, as, feedsOf } = await setup();
    const reply = await as()(`/feed add harbour ${server.url('/')}`);
    expect(text(reply)).toMatch(new RegExp(`^Found it on ${server.url('/')}\\.\\nAdded "Lakeside Times" \\(1 item\\)`));
    expect(await feedsOf(harbour.id)).toEqual([server.url('/feeds/news.xml')]);
  });

  it('refuses a URL that is not a feed, with the reason, and stores nothing', async () => {
    const { server, app, harbour, as, feedsOf } = await setup();
    expect(text(await as()(`/feed add harbour ${server.url('/missing')}`))).toBe(
      `ERROR Could not add ${server.url('/missing')}: HTTP 404 Not Found`,
    );
    expect(await feedsOf(harbour.id)).toEqual([]);
    expect(await app.stores.feeds.listAll()).toEqual([]);
    expect(await app.stores.audit.list()).toEqual([]);
  });

  it('refuses members, global topics for moderators and other communities’ topics, before fetching anything', async () => {
    const { server, app, world, as, feedsOf } = await setup();
    await app.stores.topics.create({ slug: 'chess', name: 'Chess', communityId: 'telegram:-999' });
    expect(text(await as(member())(`/feed add harbour ${server.url('/rss')}`))).toBe(
      'ERROR Only moderators of this community can do that.',
    );
    expect(text(await as()(`/feed add world ${server.url('/rss')}`))).toBe(
      "ERROR 'world' is a global topic: only the bot's operator can change it.",
    );
    expect(text(await as()(`/feed add chess ${server.url('/rss')}`))).toMatch(/^ERROR unknown topic 'chess'/);
    expect(server.requests).toEqual([]);
    expect(await feedsOf(world.id)).toEqual([]);
    expect(await app.stores.audit.list()).toEqual([]);
  });

  it('lets the operator change a global topic’s feeds', async () => {
    const { server, world, as, feedsOf } = await setup();
    expect(text(await as(operator(), privateChat('console:local'))(`/feed add world ${server.url('/rss')}`))).toMatch(
      /^Added "Harbour Gazette"/,
    );
    expect(await feedsOf(world.id)).toEqual([server.url('/rss')]);
  });

  it('explains bad arguments and changes nothing', async () => {
    const { app, as } = await setup();
    expect(text(await as()('/feed add harbour'))).toMatch(/^ERROR missing url/);
    expect(text(await as()('/feed add harbour not-a-url'))).toMatch(/^ERROR 'not-a-url' is not a web address/);
    expect(text(await as()('/feed add harbour file:///etc/passwd'))).toMatch(/is not a web address/);
    expect(text(await as()('/feed add harbor https://example.org/rss'))).toMatch(
      /^ERROR unknown topic 'harbor' — did you mean 'harbour'\?/,
    );
    expect(await app.stores.feeds.listAll()).toEqual([]);
  });

  it('revives a disabled feed when it is added again', async () => {
    const { server, app, as } = await setup();
    await as()(`/feed add harbour ${server.url('/rss')}`);
    const feed = (await app.stores.feeds.findByUrl(server.url('/rss')))!;
    await app.stores.feeds.update(feed.id, {
      enabled: false,
      consecutiveFailures: 10,
      disabledReason: 'disabled after 10 failed polls',
    });
    const other = await app.stores.topics.create({ slug: 'ports', name: 'Ports', communityId: COMMUNITY });
    await as()(`/feed add ports ${server.url('/rss')}`);
    expect(await app.stores.feeds.get(feed.id)).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
      nextPollAt: null,
    });
    expect((await app.stores.topics.topicsOfFeed(feed.id)).map((topic) => topic.id)).toContain(other.id);
  });
});

describe('/feed remove, list and health', () => {
  it('removes a feed from a topic, forgets a feed no topic uses, and audits it', async () => {
    const { server, app, harbour, as, feedsOf } = await setup();
    await as()(`/feed add harbour ${server.url('/rss')}`);
    expect(text(await as()(`/feed remove harbour ${server.url('/rss')}/`))).toBe(
      `Removed Harbour Gazette — ${server.url('/rss')} from 'harbour'. Stories already sent stay sent.`,
    );
    expect(await feedsOf(harbour.id)).toEqual([]);
    expect(await app.stores.feeds.findByUrl(server.url('/rss'))).toBeNull();
    expect((await app.stores.audit.list())[0]).toMatchObject({
      action: 'feed.remove',
      detail: `harbour: ${server.url('/rss')}`,
    });
    expect(text(await as()(`/feed remove harbour ${server.url('/rss')}`))).toMatch(/is not a feed of 'harbour'/);
  });

  it('refuses to remove a global topic’s feed for a community moderator, changing nothing', async () => {
    const { server, app, world, as, feedsOf } = await setup();
    const feed = await app.stores.feeds.ensure(server.url('/rss'));
    await app.stores.feeds.attach(world.id, feed.id, 'catalogue');
    expect(text(await as()(`/feed remove world ${server.url('/rss')}`))).toBe(
      "ERROR 'world' is a global topic: only the bot's operator can change it.",
    );
    expect(await feedsOf(world.id)).toEqual([server.url('/rss')]);
    expect(await app.stores.audit.list()).toEqual([]);
  });

  it('lists a topic’s feeds with their state', async () => {
    const { server, app, as } = await setup();
    await as()(`/feed add harbour ${server.url('/rss')}`);
    expect(text(await as()('/feed list harbour'))).toBe(
      `harbour: 1 feed\n  • Harbour Gazette — ${server.url('/rss')} — waiting for its first poll`,
    );
    await app.ingest.pollDueFeeds();
    expect(text(await as()('/feed list'))).toContain(`  • Harbour Gazette — ${server.url('/rss')} — ok`);
    expect(text(await as()('/feed list'))).toContain('world (global): no feeds yet');
  });

  it('shows failing and disabled feeds with the reason and the next retry', async () => {
    const { server, app, harbour, as } = await setup();
    expect(text(await as()('/feed health'))).toBe('No feeds here yet. Add one with /feed add <topic> <url>.');
    await as()(`/feed add harbour ${server.url('/rss')}`);
    expect(text(await as()('/feed health'))).toBe('All 1 feeds are healthy.');
    const failing = await app.stores.feeds.ensure(server.url('/missing'));
    await app.stores.feeds.attach(harbour.id, failing.id, 'test');
    await app.ingest.pollDueFeeds();
    const disabled = await app.stores.feeds.ensure('https://gone.example/rss');
    await app.stores.feeds.attach(harbour.id, disabled.id, 'test');
    await app.stores.feeds.update(disabled.id, {
      enabled: false,
      disabledReason: 'disabled after 10 failed polls in a row; last: timed out after 15 s',
    });
    const reply = await as()('/feed health');
    expect(reply).toMatchObject({ kind: 'text', title: '2 of 3 feeds need attention' });
    expect(text(reply)).toMatch(
      new RegExp(
        `• ${server.url('/missing').replace(/[.?]/g, '\\$&')} \\(harbour\\) — failing \\(1 in a row: http-status — HTTP 404 Not Found\\), next try \\d+ \\w+ \\d\\d:\\d\\d`,
      ),
    );
    expect(text(reply)).toContain(
      '• https://gone.example/rss (harbour) — disabled: disabled after 10 failed polls in a row; last: timed out after 15 s',
    );
    expect(text(await as(member())('/feed health'))).toBe('ERROR Only moderators of this community can do that.');
  });
});
