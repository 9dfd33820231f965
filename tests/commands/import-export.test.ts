import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { dispatch, dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { contextFor, groupChat, member, moderator, operator, privateChat, testApp } from '../helpers/test-app.js';
import { serve, startServer } from '../ingest/helpers/feed-server.js';
import { fixture } from '../ingest/helpers/feeds.js';

const COMMUNITY = 'telegram:-200';
const text = (reply: Reply | null): string =>
  reply?.kind === 'text' ? reply.text : reply?.kind === 'error' ? `ERROR ${reply.message}` : String(reply?.kind);

async function setup() {
  const server = await startServer({});
  server.route('/list.opml', serve(fixture('subscriptions.opml', server.origin), 'text/x-opml'));
  server.route('/not-opml', serve('<html><body>hello</body></html>', 'text/html'));
  const app = await testApp({ ALLOW_PRIVATE_FEEDS: 'true' });
  const as =
    (actor = moderator(), chat = groupChat()) =>
    async (line: string) =>
      dispatchLine(COMMANDS, line, await contextFor(app, chat, actor), app.logger);
  const slugsHere = async (community: string | null) =>
    (await app.stores.topics.listVisible(community))
      .filter((topic) => topic.communityId === community)
      .map((topic) => topic.slug);
  const feedsOf = async (slug: string, community: string | null) =>
    (await app.stores.feeds.listForTopic((await app.stores.topics.findVisible(slug, community))!.id)).map(
      (feed) => feed.url,
    );
  return { server, app, as, slugsHere, feedsOf };
}

describe('/import', () => {
  it('adds an OPML file’s feeds, its categories becoming this community’s topics, each change audited', async () => {
    const { server, app, as, slugsHere, feedsOf } = await setup();
    const reply = await as()(`/import ${server.url('/list.opml')}`);
    expect(text(reply)).toBe(
      [
        'Added 4 feeds to 3 topics (new: harbour-news, astronomy, imported).',
        'Skipped 1:',
        '  • ftp://files.example/feed: not an http(s) address',
        'Each feed is checked by its first poll; /feed health lists any that fail.',
      ].join('\n'),
    );
    expect((await slugsHere(COMMUNITY)).sort()).toEqual(['astronomy', 'harbour-news', 'imported']);
    expect((await app.stores.topics.findVisible('harbour-news', COMMUNITY))?.name).toBe('Harbour News');
    expect(await feedsOf('harbour-news', COMMUNITY)).toEqual([server.url('/harbour.xml'), server.url('/lakeside.xml')]);
    expect(await feedsOf('imported', COMMUNITY)).toEqual([server.url('/loose.xml')]);
    const actions = (await app.stores.audit.list({ limit: 100 })).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'topic.create')).toHaveLength(3);
    expect(actions.filter((action) => action === 'feed.add')).toHaveLength(4);
    expect(
      (await app.stores.audit.list()).every(
        (entry) => entry.actorId === 'telegram:2' && entry.communityId === COMMUNITY,
      ),
    ).toBe(true);

    expect(text(await as()(`/import ${server.url('/list.opml')}`))).toMatch(
      /^Added 0 feeds to 3 topics; 4 were already there\./,
    );
  });

  it('reads an attached OPML file', async () => {
    const { server, app, slugsHere } = await setup();
    const context = await contextFor(app, groupChat(), moderator());
    const reply = await dispatch(
      COMMANDS,
      { command: 'import', args: { file: { name: 'feeds.opml', url: server.url('/list.opml') } } },
      context,
      app.logger,
    );
    expect(text(reply)).toMatch(/^Added 4 feeds to 3 topics/);
    expect(await slugsHere(COMMUNITY)).toHaveLength(3);
  });

  it('skips a category that names a global topic, which only the operator changes', async () => {
    const { server, app, as, feedsOf } = await setup();
    await app.stores.topics.create({ slug: 'astronomy', name: 'Astronomy', communityId: null });
    const reply = await as()(`/import ${server.url('/list.opml')}`);
    expect(text(reply)).toContain("1 feed(s) of 'astronomy': that is a global topic, which only the operator changes");
    expect(await feedsOf('astronomy', null)).toEqual([]);
  });

  it('refuses members and chat managers who do not moderate, and explains bad input, changing nothing', async () => {
    const { server, app, as } = await setup();
    expect(text(await as(member())(`/import ${server.url('/list.opml')}`))).toMatch(
      /^ERROR Only people who manage this chat/,
    );
    expect(text(await as(member({ canManageChat: true }))(`/import ${server.url('/list.opml')}`))).toBe(
      'ERROR Only moderators of this community can do that.',
    );
    expect(text(await as()('/import'))).toBe(
      'ERROR Attach an OPML file, or give its address: /import https://example.org/feeds.opml',
    );
    expect(text(await as()(`/import ${server.url('/not-opml')}`))).toMatch(/^ERROR That is not an OPML file/);
    expect(text(await as()(`/import ${server.url('/nowhere.opml')}`))).toBe(
      'ERROR Could not fetch the OPML file: HTTP 404 Not Found',
    );
    expect(await app.stores.topics.listVisible(COMMUNITY)).toEqual([]);
    expect(await app.stores.feeds.listAll()).toEqual([]);
    expect(await app.stores.audit.list()).toEqual([]);
  });

  it('lets the operator import into global topics from the console', async () => {
    const { server, as, slugsHere } = await setup();
    expect(text(await as(operator(), privateChat('console:local'))(`/import ${server.url('/list.opml')}`))).toMatch(
      /^Added 4 feeds/,
    );
    expect((await slugsHere(null)).sort()).toEqual(['astronomy', 'harbour-news', 'imported']);
  });
});

describe('/export', () => {
  it('writes this community’s topics and feeds as OPML that imports back the same', async () => {
    const { server, app, as, feedsOf } = await setup();
    await as()(`/import ${server.url('/list.opml')}`);
    await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    const reply = await as()('/export');
    expect(reply).toMatchObject({ kind: 'text', title: 'OPML export' });
    const opml = text(reply);
    expect(opml).toMatch(/^<\?xml/);
    expect(opml).not.toContain('"World"');

    server.route('/exported.opml', serve(opml, 'text/x-opml'));
    const elsewhere = groupChat('telegram:-300', 'telegram:-300');
    expect(text(await as(moderator(), elsewhere)(`/import ${server.url('/exported.opml')}`))).toMatch(
      /^Added 4 feeds to 3 topics/,
    );
    for (const slug of ['harbour-news', 'astronomy', 'imported']) {
      expect(await feedsOf(slug, 'telegram:-300'), slug).toEqual(await feedsOf(slug, COMMUNITY));
    }
    expect((await app.stores.topics.findVisible('harbour-news', 'telegram:-300'))?.name).toBe('Harbour News');
  });

  it('says so when there is nothing to export, and refuses members and chat managers who do not moderate', async () => {
    const { as } = await setup();
    expect(text(await as()('/export'))).toBe(
      'There are no topics of this community to export yet. Create one with /topic create.',
    );
    expect(text(await as(member())('/export'))).toMatch(/^ERROR Only people who manage this chat/);
    expect(text(await as(member({ canManageChat: true }))('/export'))).toBe(
      'ERROR Only moderators of this community can do that.',
    );
  });
});
