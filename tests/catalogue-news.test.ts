import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../commands/index.js';
import { dispatchLine } from '../src/core/dispatch.js';
import type { Reply } from '../src/core/reply.js';
import { prepareCatalogue } from '../src/main.js';
import { startServer } from './ingest/helpers/feed-server.js';
import { contextFor, member, privateChat, tempDir, testApp } from './helpers/test-app.js';

/**
 * data/catalogue-news.json: well-known public news feeds by URL. Loading it stores addresses and
 * fetches nothing; to poll it, the tests serve a local copy on 127.0.0.1 — never the real feeds.
 */

const NEWS = fileURLToPath(new URL('../data/catalogue-news.json', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../data/catalogue.json', import.meta.url));
const TELEGRAM_BOT_TOKEN = '123456789:AAEabcdefghijklmnopqrstuvwxyz012345';

interface CatalogueFile {
  topics: { slug: string; feeds: string[] }[];
}
const news = JSON.parse(readFileSync(NEWS, 'utf8')) as CatalogueFile;

/** An RSS feed standing in for a public one: one story named after the outlet. */
const rssFor = (outlet: string, link: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${outlet}</title><link>${link}</link>` +
  `<item><title>Story from ${outlet}</title><link>${link}story</link><guid>${link}story</guid>` +
  `<pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate><description>What happened, as ${outlet} reports it.</description></item>` +
  `</channel></rss>`;

describe('the catalogue of public news feeds', () => {
  it('loads through the catalogue loader: world, technology, science, climate, business and health, by https URL', async () => {
    const app = await testApp({ CATALOGUE_PATH: NEWS });
    await prepareCatalogue(app);
    const slugs = (await app.stores.topics.listVisible(null)).map((topic) => topic.slug);
    expect(slugs).toEqual(expect.arrayContaining(['world', 'technology', 'science', 'climate', 'business', 'health']));
    const urls = news.topics.flatMap((topic) => topic.feeds);
    expect(new Set(urls).size).toBe(urls.length);
    for (const topic of news.topics) {
      const feeds = await app.stores.feeds.listForTopic((await app.stores.topics.findVisible(topic.slug, null))!.id);
      expect(feeds.length, topic.slug).toBeGreaterThanOrEqual(3);
      for (const feed of feeds) expect(feed.url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
    }
  });

  it('gives real stories in /latest once polled (a local copy of every feed, served on 127.0.0.1)', async () => {
    const server = await startServer();
    const local = {
      topics: news.topics.map((topic) => ({
        ...topic,
        feeds: topic.feeds.map((url) => {
          const { host, pathname } = new URL(url);
          const path = `/${host}${pathname}`;
          server.route(path, (_request, response) => {
            response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFor(host, server.url(path)));
          });
          return server.url(path);
        }),
      })),
    };
    const path = join(tempDir(), 'catalogue-news.json');
    writeFileSync(path, JSON.stringify(local));
    const app = await testApp({ CATALOGUE_PATH: path, ALLOW_PRIVATE_FEEDS: 'true' });
    await prepareCatalogue(app);
    await app.ingest.pollDueFeeds({ all: true });
    const feedCount = news.topics.reduce((count, topic) => count + topic.feeds.length, 0);
    expect(new Set(server.requests.map((request) => request.path).filter((p) => !p.endsWith('story'))).size).toBe(
      feedCount,
    );
    const reply = (await dispatchLine(
      COMMANDS,
      '/latest world 10',
      await contextFor(app, privateChat(), member()),
      app.logger,
    )) as Reply;
    expect(reply.kind).toBe('stories');
    const headlines = reply.kind === 'stories' ? reply.entries.map((entry) => entry.headline).sort() : [];
    expect(headlines).toEqual(
      news.topics
        .find((topic) => topic.slug === 'world')!
        .feeds.map((url) => `Story from ${new URL(url).host}`)
        .sort(),
    );
  });

  it('is suggested at start-up when a platform token is set and the catalogue is the invented sample', async () => {
    const warnings = async (env: Record<string, string>) => {
      const app = await testApp(env);
      await prepareCatalogue(app);
      return app.logger.entries.filter((entry) => entry.level === 'warn').map((entry) => entry.msg);
    };
    expect(await warnings({ CATALOGUE_PATH: SAMPLE, TELEGRAM_BOT_TOKEN })).toEqual([
      `The catalogue ${SAMPLE} is the offline sample: its 4 feeds are local files with invented stories, and Telegram will see those. For real news from public feeds, set CATALOGUE_PATH=data/catalogue-news.json in .env and restart.`,
    ]);
    // Offline on the console the sample is what is wanted; with real feeds there is nothing to say.
    expect(await warnings({ CATALOGUE_PATH: SAMPLE })).toEqual([]);
    expect(await warnings({ CATALOGUE_PATH: NEWS, TELEGRAM_BOT_TOKEN })).toEqual([]);
  });
});
