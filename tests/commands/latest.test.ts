import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { prepareCatalogue } from '../../src/main.js';
import { contextFor, groupChat, member, privateChat, testApp } from '../helpers/test-app.js';

const SAMPLE_CATALOGUE = fileURLToPath(new URL('../../data/catalogue.json', import.meta.url));

/** The real app over the bundled sample catalogue, every feed polled once. */
async function appWithSampleStories() {
  const app = await testApp({ CATALOGUE_PATH: SAMPLE_CATALOGUE });
  await prepareCatalogue(app);
  await app.ingest.pollDueFeeds({ all: true });
  return app;
}

const stories = (reply: Reply | null) => {
  if (reply?.kind !== 'stories') throw new Error(`expected stories, got ${JSON.stringify(reply)}`);
  return reply;
};

describe('/latest', () => {
  it('shows the newest stories of a topic with source, link and a key quote with its speaker', async () => {
    const app = await appWithSampleStories();
    const reply = stories(
      await dispatchLine(COMMANDS, '/latest climate 3', await contextFor(app, privateChat(), member()), app.logger),
    );
    expect(reply.title).toBe('Latest in Climate');
    expect(reply.entries).toHaveLength(3);
    for (const entry of reply.entries) {
      expect(entry.source).toBe('Climate Desk');
      expect(entry.url).toMatch(/^https:\/\/climate-desk\.example\/2026\/11\//);
    }
    const times = reply.entries.map((entry) => entry.time);
    expect([...times].sort().reverse()).toEqual(times);
    const quoted = reply.entries.flatMap((entry) => entry.quotes);
    expect(quoted.length).toBeGreaterThan(0);
    for (const quote of quoted) expect(quote.speaker).toBeTruthy();
  });

  it('shows a story two outlets carried once, with the other outlet as also covering it', async () => {
    const app = await appWithSampleStories();
    const reply = stories(
      await dispatchLine(COMMANDS, '/latest world 10', await contextFor(app, privateChat(), member()), app.logger),
    );
    const exchange = reply.entries.filter((entry) => /prisoner exchange/i.test(entry.headline));
    expect(exchange).toHaveLength(1);
    const other = exchange[0]!.source === 'The World Herald' ? 'Global Dispatch' : 'The World Herald';
    expect(exchange[0]!.alsoCoveredBy).toEqual([other]);
  });

  it('defaults to the topics the chat follows, else every topic it can see, five stories', async () => {
    const app = await appWithSampleStories();
    const chat = groupChat();
    const all = stories(await dispatchLine(COMMANDS, '/latest', await contextFor(app, chat, member()), app.logger));
    // Following nothing, the chat sees every topic, and the title says so.
    expect(all.title).toBe('Latest in all topics (this chat follows none yet)');
    expect(all.footer).toBe('/latest <topic> shows one topic; /subscribe <topic> sends its news here on a schedule.');
    expect(all.entries).toHaveLength(5);
    const climate = (await app.stores.topics.findVisible('climate', null))!;
    await app.stores.subscriptions.save({
      chatId: chat.id,
      topicId: climate.id,
      schedule: 'hourly',
      timezone: 'UTC',
      cap: 8,
      nextRunAt: null,
    });
    const followed = stories(
      await dispatchLine(COMMANDS, '/latest', await contextFor(app, chat, member()), app.logger),
    );
    expect(followed.title).toBe('Latest in Climate');
    expect(followed.footer).toBeUndefined();
    expect(new Set(followed.entries.map((entry) => entry.source))).toEqual(new Set(['Climate Desk']));
    const world = (await app.stores.topics.findVisible('world', null))!;
    await app.stores.subscriptions.save({
      chatId: chat.id,
      topicId: world.id,
      schedule: 'hourly',
      timezone: 'UTC',
      cap: 8,
      nextRunAt: null,
    });
    const both = stories(await dispatchLine(COMMANDS, '/latest', await contextFor(app, chat, member()), app.logger));
    expect(both.title).toBe('Latest in the topics this chat follows');
  });

  it('explains a misspelt topic and an out-of-range count', async () => {
    const app = await testApp({ CATALOGUE_PATH: SAMPLE_CATALOGUE });
    await prepareCatalogue(app);
    const context = await contextFor(app, privateChat(), member());
    expect(await dispatchLine(COMMANDS, '/latest climat', context, app.logger)).toEqual({
      kind: 'error',
      message: "unknown topic 'climat' — did you mean 'climate'?",
    });
    expect(await dispatchLine(COMMANDS, '/latest world 50', context, app.logger)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('count must be from 1 to 10, not 50'),
    });
    expect(await dispatchLine(COMMANDS, '/latest world', context, app.logger)).toMatchObject({
      kind: 'text',
      text: expect.stringContaining('No stories in World yet'),
    });
  });
});
