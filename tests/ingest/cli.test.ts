import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/test-app.js';
import { serve, startServer } from './helpers/feed-server.js';
import { rssFeed } from './helpers/feeds.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/newsbrief.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `newsbrief ingest …` in a child process (tsx loader, real worker threads) and collects its output. */
async function ingest(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'ingest', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npx newsbrief ingest --once', () => {
  it('polls every due feed once, prints a line per feed and exits 0 even when feeds fail', async () => {
    const server = await startServer({
      '/good.xml': serve(
        rssFeed('Good Paper', [{ title: 'Bridge opens', guid: 'good-paper-bridge-opens', content: '<p>Finally.</p>' }]),
      ),
      '/broken.xml': serve('<rss><channel><item>', 'application/rss+xml'),
    });
    const dir = tempDir();
    writeFileSync(
      join(dir, 'local.xml'),
      rssFeed('Local File Feed', [{ title: 'From disk', guid: 'local-file-from-disk', content: '<p>Disk.</p>' }]),
    );
    writeFileSync(
      join(dir, 'catalogue.json'),
      JSON.stringify({
        topics: [
          { slug: 'news', name: 'News', feeds: [server.url('/good.xml'), server.url('/broken.xml'), 'local.xml'] },
        ],
      }),
    );
    const env = {
      DATABASE_PATH: join(dir, 'nb.db'),
      CATALOGUE_PATH: join(dir, 'catalogue.json'),
      ALLOW_PRIVATE_FEEDS: 'true',
    };

    const first = await ingest(['--once'], env);
    expect(first.stderr).not.toMatch(/worker threads unavailable/);
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines).toContain(
      `ok           Good Paper <${server.url('/good.xml')}>: 1 new story of 1 items (first poll: stored, not pushed to digests)`,
    );
    expect(lines.find((line) => line.includes('/broken.xml'))).toMatch(
      /^failed +.*not-a-feed: not a feed: malformed feed — retry after /,
    );
    expect(lines.find((line) => line.includes('local.xml'))).toMatch(
      /^ok +Local File Feed <.*local\.xml>: 1 new story/,
    );
    expect(lines.at(-1)).toBe('3 feeds: 2 updated (2 new stories), 0 not modified, 1 failed');

    const again = await ingest(['--once'], env);
    expect(again).toMatchObject({ code: 0, stdout: 'No feed is due.\n' });
    const all = await ingest(['--once', '--all'], env);
    expect(all.stdout).toContain('unchanged    Local File Feed');
    expect(all.stdout.trim().split('\n').at(-1)).toBe('3 feeds: 1 updated (0 new stories), 1 not modified, 1 failed');
  });

  it('exits 1 when the database is unusable, and 2 without --once', async () => {
    const dir = tempDir();
    const notADatabase = join(dir, 'nb.db');
    writeFileSync(
      notADatabase,
      'this is not an SQLite file, just text that is long enough to fail the header check'.repeat(20),
    );
    const env = { DATABASE_PATH: notADatabase, CATALOGUE_PATH: join(ROOT, 'data/catalogue.json') };
    const broken = await ingest(['--once'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/cannot open the database/);
    const usage = await ingest([], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: newsbrief ingest --once \[--all\]/);
  });
});
