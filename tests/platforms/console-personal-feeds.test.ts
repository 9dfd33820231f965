import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/test-app.js';
import { serve, startServer } from '../ingest/helpers/feed-server.js';
import { rssFeed } from '../ingest/helpers/feeds.js';

describe('personal feeds on the console (a private chat)', () => {
  it('follows a feed by address, lists and exports it, and keeps it for the next session until unsubscribed', async () => {
    const server = await startServer({
      '/rss': serve(rssFeed('Harbour Gazette', [{ title: 'Ferry resumes', guid: 'hg-1' }])),
    });
    const dir = tempDir();
    const catalogue = join(dir, 'catalogue.json');
    writeFileSync(catalogue, JSON.stringify({ topics: [] }));
    const env = { DATABASE_PATH: join(dir, 'bot.db'), CATALOGUE_PATH: catalogue, ALLOW_PRIVATE_FEEDS: 'true' };
    const first = await runCli(['console'], {
      input: `/subscribe ${server.url('/rss')}\n/subscriptions\n/export\n`,
      env,
    });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('You now follow "Harbour Gazette" (harbour-gazette): daily 08:00');
    expect(first.stdout).toContain('Its 1 current item is not sent');
    expect(first.stdout).toContain(`harbour-gazette (your feed ${server.url('/rss')})`);
    expect(first.stdout).toContain(`xmlUrl="${server.url('/rss')}"`);

    const second = await runCli(['console'], {
      input: `/subscribe ${server.url('/rss')}\n/unsubscribe harbour-gazette\n/subscriptions\n`,
      env,
    });
    expect(second.stdout).toContain('You already follow "Harbour Gazette" (harbour-gazette).');
    expect(second.stdout).toContain('You no longer follow "Harbour Gazette" (harbour-gazette).');
    expect(second.stdout).toContain('This chat follows no topics yet.');
  });
});
