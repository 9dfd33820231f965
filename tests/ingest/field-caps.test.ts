import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { FIELD_CAPS } from '../../src/ingest/field-caps.js';
import { contextFor, groupChat, moderator, testApp } from '../helpers/test-app.js';
import { serve, startServer } from './helpers/feed-server.js';
import { rssFeed } from './helpers/feeds.js';

const text = (reply: Reply | null): string =>
  reply?.kind === 'text' ? reply.text : reply?.kind === 'error' ? `ERROR ${reply.message}` : JSON.stringify(reply);

describe('length caps on what a feed stores', () => {
  it('cuts a 100,000-character headline and feed title with an ellipsis, in the database and in replies', async () => {
    const hugeTitle = `Enormous ${'headline '.repeat(12_000)}`.slice(0, 100_000);
    const hugeFeed = `Gigantic ${'gazette '.repeat(13_000)}`.slice(0, 100_000);
    const server = await startServer({
      '/rss': serve(
        rssFeed(hugeFeed, [
          {
            title: hugeTitle,
            guid: 'a-guid-that-is-long-enough-to-be-global',
            description: `<p>${'word '.repeat(40_000)}</p>`,
          },
          {
            title: 'Short and sweet',
            guid: 'another-guid-long-enough-to-be-global',
            link: `https://x.example/${'a'.repeat(5000)}`,
          },
        ]),
      ),
    });
    const app = await testApp({ ALLOW_PRIVATE_FEEDS: 'true' });
    const say = async (line: string) =>
      text(await dispatchLine(COMMANDS, line, await contextFor(app, groupChat(), moderator()), app.logger));
    await say('/topic create giants Giants');
    const added = await say(`/feed add giants ${server.url('/rss')}`);
    expect(added.length).toBeLessThan(1000);
    await app.ingest.pollDueFeeds();

    const [feed] = await app.stores.feeds.listAll();
    expect(feed!.title!.length).toBeLessThanOrEqual(FIELD_CAPS.feedTitle);
    expect(feed!.title).toMatch(/^Gigantic gazette .*…$/);
    const stories = app.db.prepare('SELECT headline, source, standfirst, url FROM stories ORDER BY id').all() as {
      headline: string;
      source: string;
      standfirst: string | null;
      url: string | null;
    }[];
    const giant = stories.find((story) => story.headline.startsWith('Enormous'))!;
    expect(giant.headline.length).toBeLessThanOrEqual(FIELD_CAPS.headline);
    expect(giant.headline).toMatch(/headline…$/);
    expect(giant.source.length).toBeLessThanOrEqual(FIELD_CAPS.feedTitle);
    expect(giant.standfirst!.length).toBeLessThanOrEqual(FIELD_CAPS.standfirst);
    // Half a link leads nowhere: an absurdly long one is dropped, not cut.
    expect(stories.find((story) => story.headline === 'Short and sweet')!.url).toBeNull();

    const latest = await say('/latest giants');
    expect(latest).toContain('Enormous headline');
    expect(latest.length).toBeLessThan(3000);
  });
});
