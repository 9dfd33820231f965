import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/core/errors.js';
import { prepareCatalogue } from '../src/main.js';
import { tempDir, testApp } from './helpers/test-app.js';

function writeCatalogue(dir: string, topics: unknown[]): string {
  const path = join(dir, 'catalogue.json');
  writeFileSync(path, JSON.stringify({ topics }));
  return path;
}

describe('the operator catalogue', () => {
  it('loads global topics with their local feeds, resolved beside the catalogue file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'feeds'));
    const path = writeCatalogue(dir, [
      {
        slug: 'World News',
        name: 'World',
        description: 'Diplomacy',
        feeds: ['feeds/a.xml', 'https://news.example/rss'],
      },
    ]);
    const app = await testApp({ CATALOGUE_PATH: path });
    await prepareCatalogue(app);
    const topic = await app.stores.topics.findVisible('world-news', null);
    expect(topic).toMatchObject({ name: 'World', description: 'Diplomacy', communityId: null });
    expect((await app.stores.feeds.listForTopic(topic!.id)).map((feed) => [feed.url, feed.fromCatalogue])).toEqual([
      [join(dir, 'feeds', 'a.xml'), true],
      ['https://news.example/rss', true],
    ]);
  });

  it('applies a changed catalogue — new description, a feed dropped — and leaves an unchanged one alone', async () => {
    const dir = tempDir();
    const path = writeCatalogue(dir, [
      { slug: 'world', name: 'World', feeds: ['https://a.example/rss', 'https://b.example/rss'] },
    ]);
    const app = await testApp({ CATALOGUE_PATH: path });
    await prepareCatalogue(app);
    const made = await app.stores.topics.create({ slug: 'chess', name: 'Chess', communityId: null });
    writeCatalogue(dir, [
      { slug: 'world', name: 'World', description: 'Now described', feeds: ['https://a.example/rss'] },
    ]);
    await prepareCatalogue(app);
    const world = (await app.stores.topics.findVisible('world', null))!;
    expect(world.description).toBe('Now described');
    expect((await app.stores.feeds.listForTopic(world.id)).map((feed) => feed.url)).toEqual(['https://a.example/rss']);
    expect(await app.stores.topics.get(made.id)).not.toBeNull();
  });

  it('refuses a broken catalogue with a clear message and changes nothing', async () => {
    const dir = tempDir();
    const good = writeCatalogue(dir, [{ slug: 'world', name: 'World', feeds: [] }]);
    const app = await testApp({ CATALOGUE_PATH: good });
    await prepareCatalogue(app);
    writeFileSync(good, JSON.stringify({ topics: [{ slug: 'climate', name: 'Climate' }, { slug: 'x' }] }));
    await expect(prepareCatalogue(app)).rejects.toThrow(ConfigError);
    await expect(prepareCatalogue(app)).rejects.toThrow(/topics\.1\.name/);
    expect(await app.stores.topics.findVisible('climate', null)).toBeNull();
    writeFileSync(good, '{ not json');
    await expect(prepareCatalogue(app)).rejects.toThrow(/not valid JSON/);
  });
});
