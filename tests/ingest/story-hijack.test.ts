import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { contextFor, groupChat, member, moderator, privateChat, testApp } from '../helpers/test-app.js';
import { serve, startServer } from './helpers/feed-server.js';
import { rssFeed } from './helpers/feeds.js';
import { ingestHarness } from './helpers/harness.js';

const VICTIM_URL = 'https://victim-news.example/2026/11/harbour-bridge-reopens';
const HOSTILE_COMMUNITY = 'telegram:-666';

const entriesOf = (reply: Reply | null) => {
  if (reply?.kind !== 'stories') throw new Error(`expected stories, got ${JSON.stringify(reply)}`);
  return reply.entries;
};

/** A victim outlet's feed and a hostile community's feed that copies the victim's article URL. */
async function hijackSetup(hostileItem: { guid?: string; link?: string }) {
  const server = await startServer({
    '/hostile': serve(
      rssFeed('Hostile Wire', [{ title: 'Totally fabricated scandal at the harbour authority', ...hostileItem }]),
    ),
    '/victim': serve(
      rssFeed('Victim News', [
        { title: 'Harbour bridge reopens after a month of repairs', guid: VICTIM_URL, link: VICTIM_URL },
      ]),
    ),
  });
  const app = await testApp({ ALLOW_PRIVATE_FEEDS: 'true' });
  const harbour = await app.stores.topics.create({ slug: 'harbour', name: 'Harbour', communityId: null });
  await app.stores.topics.create({ slug: 'bait', name: 'Bait', communityId: HOSTILE_COMMUNITY });
  const ask = async (line: string, chat = privateChat(), actor = member()) =>
    dispatchLine(COMMANDS, line, await contextFor(app, chat, actor), app.logger);
  // The hostile community adds its feed through the real command, and it is polled before the victim's feed exists.
  const hostileChat = groupChat(HOSTILE_COMMUNITY, HOSTILE_COMMUNITY);
  const added = await ask(`/feed add bait ${server.url('/hostile')}`, hostileChat, moderator());
  expect(added?.kind).not.toBe('error');
  await app.ingest.pollDueFeeds({ all: true });
  const victimFeed = await app.stores.feeds.ensure(server.url('/victim'), {});
  await app.stores.feeds.attach(harbour.id, victimFeed.id, 'console:operator');
  await app.ingest.pollDueFeeds({ all: true });
  return { app, ask };
}

describe('a feed speaks only for its own items', () => {
  it.each([
    ['guid', { guid: VICTIM_URL }],
    ['link', { link: `${VICTIM_URL}?utm_source=hostile#top` }],
  ])(
    "a hostile feed polled first with the victim's article %s does not take over the victim's story",
    async (_field, hostileItem) => {
      const { ask } = await hijackSetup(hostileItem);
      const victim = entriesOf(await ask('/latest harbour 5'));
      expect(victim).toHaveLength(1);
      expect(victim[0]).toMatchObject({
        headline: 'Harbour bridge reopens after a month of repairs',
        source: 'Victim News',
        url: VICTIM_URL,
      });
      // The hostile community's own topic shows what its own feed said, and nothing of the victim's.
      const bait = entriesOf(await ask('/latest bait 5', groupChat(HOSTILE_COMMUNITY, HOSTILE_COMMUNITY)));
      expect(bait.map((entry) => [entry.headline, entry.source])).toEqual([
        ['Totally fabricated scandal at the harbour authority', 'Hostile Wire'],
      ]);
    },
  );
});

describe('a feed still knows its own items', () => {
  it('takes an item whose guid changed, on the same link and title, for the story it already has', async () => {
    const items = [
      { title: 'Bridge reopens', guid: 'bridge-reopens-first-guid', link: 'https://paper.example/bridge' },
    ];
    const server = await startServer({
      '/feed': (request, response) => serve(rssFeed('Paper', items))(request, response),
    });
    const h = ingestHarness();
    await h.feed(server.url('/feed'), await h.topic('harbour'));
    await h.ingest.pollDueFeeds();
    items[0] = { ...items[0]!, guid: 'bridge-reopens-second-guid' };
    // Some feeds point every item at their front page: a different title on that link is a new story.
    items.push({ title: 'Ferry strike called off', guid: 'ferry', link: 'https://paper.example/bridge' });
    h.advance();
    const [again] = await h.ingest.pollDueFeeds({ all: true });
    expect(again).toMatchObject({ outcome: 'updated', newStories: 1 });
    expect(h.stories().map((story) => story.headline)).toEqual(['Bridge reopens', 'Ferry strike called off']);
  });
});
