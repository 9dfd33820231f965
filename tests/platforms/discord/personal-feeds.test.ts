import { describe, expect, it } from 'vitest';
import { alice, bob, CHANNEL, discordHarness, GUILD_ID } from '../../helpers/discord-harness.js';
import { serve, startServer } from '../../ingest/helpers/feed-server.js';
import { rssFeed } from '../../ingest/helpers/feeds.js';

type Callback = { type: number; data?: { embeds?: { description?: string }[]; choices?: unknown[] } };
const ALICE_DM = '8001';

describe('personal feeds in a Discord DM, through discord.js and the fake Discord', () => {
  it('follows a feed by address in a DM, offers it while typing there, and nowhere else', async () => {
    const server = await startServer({ '/rss': serve(rssFeed('Harbour Gazette', [{ title: 'Ferry', guid: 'hg-1' }])) });
    // Wide enough that a slow, shared machine still answers before the deferral (a reply is one response).
    const { app, fake } = await discordHarness({ env: { ALLOW_PRIVATE_FEEDS: 'true' }, deferAfterMs: 10_000 });
    const id = fake.interact({
      name: 'subscribe',
      options: [{ name: 'topic', type: 3, value: server.url('/rss') }],
      channelId: ALICE_DM,
      user: alice,
    });
    const [reply] = await fake.waitForResponses(id);
    // Discord markdown escapes the parentheses; the words are the same as elsewhere.
    expect((reply!.body as Callback).data!.embeds![0]!.description).toMatch(
      /^You now follow "Harbour Gazette" \\\(harbour-gazette\\\): daily 08:00/,
    );
    expect(await app.stores.topics.listPersonal(`discord:${ALICE_DM}`)).toMatchObject([{ slug: 'harbour-gazette' }]);

    const typing = (where: { guildId?: string; channelId: string; user: { id: string; username: string } }) =>
      fake.interact({
        kind: 'autocomplete',
        name: 'unsubscribe',
        options: [{ name: 'topic', type: 3, value: 'harb', focused: true }],
        ...where,
      });
    const [own] = await fake.waitForResponses(typing({ channelId: ALICE_DM, user: alice }));
    expect(own!.body).toEqual({
      type: 8,
      data: { choices: [{ name: 'harbour-gazette — Harbour Gazette', value: 'harbour-gazette' }] },
    });
    const [otherDm] = await fake.waitForResponses(typing({ channelId: '8002', user: bob }));
    expect(otherDm!.body).toEqual({ type: 8, data: { choices: [] } });
    const [inGuild] = await fake.waitForResponses(typing({ guildId: GUILD_ID, channelId: CHANNEL.news, user: alice }));
    expect(inGuild!.body).toEqual({ type: 8, data: { choices: [] } });
  });
});
