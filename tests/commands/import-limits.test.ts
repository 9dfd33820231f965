import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { MAX_OWN_TOPICS } from '../../src/core/topics.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import type { Services } from '../../src/core/services.js';
import { contextFor, groupChat, moderator, testApp } from '../helpers/test-app.js';
import { serve, startServer } from '../ingest/helpers/feed-server.js';

/** Hostile OPML through the real /import: deep nesting, hundreds of categories, a failure half-way. */

const COMMUNITY = 'telegram:-200';
const text = (reply: Reply | null): string =>
  reply?.kind === 'text' ? reply.text : reply?.kind === 'error' ? `ERROR ${reply.message}` : String(reply?.kind);

const opml = (body: string): string =>
  `<?xml version="1.0"?><opml version="2.0"><head><title>Reading list</title></head><body>${body}</body></opml>`;

async function setup(body: string, wrap: (services: Services) => Services = (services) => services) {
  const server = await startServer({});
  server.route('/list.opml', serve(opml(body), 'text/x-opml'));
  const app = await testApp({ ALLOW_PRIVATE_FEEDS: 'true' });
  const importFile = async () => {
    const context = await contextFor(app, groupChat(), moderator());
    return text(
      await dispatchLine(
        COMMANDS,
        `/import ${server.url('/list.opml')}`,
        { ...context, services: wrap(context.services) },
        app.logger,
      ),
    );
  };
  const ownSlugs = async () =>
    (await app.stores.topics.listVisible(COMMUNITY))
      .filter((topic) => topic.communityId === COMMUNITY)
      .map((topic) => topic.slug);
  const feedsOf = async (slug: string) =>
    (await app.stores.feeds.listForTopic((await app.stores.topics.findVisible(slug, COMMUNITY))!.id)).map(
      (feed) => feed.url,
    );
  return { server, app, importFile, ownSlugs, feedsOf };
}

describe('/import of a hostile OPML file', () => {
  it('keeps the feeds of folders nested deeper than 20 levels, flattened into the 20th', async () => {
    let nested = '<outline text="Deep Feed" xmlUrl="https://deep.example/feed.xml"/>';
    for (let level = 40; level >= 1; level--) nested = `<outline text="Level ${level}">${nested}</outline>`;
    const { importFile, ownSlugs, feedsOf } = await setup(nested);
    expect(await importFile()).toMatch(/^Added 1 feed to 1 topic \(new: level-20\)/);
    expect(await ownSlugs()).toEqual(['level-20']);
    expect(await feedsOf('level-20')).toEqual(['https://deep.example/feed.xml']);
  });

  it(`refuses 900 categories whole, with a message, instead of making 900 topics (at most ${MAX_OWN_TOPICS})`, async () => {
    const body = Array.from(
      { length: 900 },
      (_, index) => `<outline text="Cat ${index}"><outline text="F" xmlUrl="https://f${index}.example/rss"/></outline>`,
    ).join('');
    const { app, importFile, ownSlugs } = await setup(body);
    const reply = await importFile();
    expect(reply).toBe(
      `ERROR That file would create 900 new topics from its categories. A community keeps at most ${MAX_OWN_TOPICS} topics of its own, and has 0. Nothing was imported: merge its categories into fewer folders, or remove them (feeds without a category go to 'imported').`,
    );
    expect(await ownSlugs()).toEqual([]);
    expect(await app.stores.feeds.listAll()).toEqual([]);
  });

  it('is one transaction: a failure half-way leaves no topic and no feed behind', async () => {
    const body = ['alpha', 'beta', 'gamma']
      .map((name) => `<outline text="${name}"><outline text="F" xmlUrl="https://${name}.example/rss"/></outline>`)
      .join('');
    let creates = 0;
    // The real store, failing on its third topic as a full disk would.
    const failingThird = (services: Services): Services => ({
      ...services,
      topics: {
        ...services.topics,
        create: (topic) => {
          if (++creates === 3) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
          return services.topics.create(topic);
        },
      },
    });
    const { app, importFile, ownSlugs } = await setup(body, failingThird);
    expect(await importFile()).toMatch(/^ERROR /);
    expect(creates).toBe(3);
    expect(await ownSlugs()).toEqual([]);
    expect(await app.stores.feeds.listAll()).toEqual([]);
    expect(await app.stores.audit.list({ limit: 10 })).toEqual([]);
  });
});
