import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runIngest } from '../../src/cli/ingest.js';
import { parseConfig } from '../../src/config.js';
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

/** `newsbrief ingest` in this process: the same runIngest, without another tsx child's start-up. */
async function ingestHere(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: new Writable({ write: (chunk: Buffer, _encoding, done) => ((stdout += chunk.toString()), done()) }),
    stderr: new Writable({ write: (chunk: Buffer, _encoding, done) => ((stderr += chunk.toString()), done()) }),
  };
  const code = await runIngest(parseConfig({ LOG_LEVEL: 'silent', ...env }), args, io);
  return { code, stdout, stderr };
}

describe('npx newsbrief ingest --once', () => {
  // A generous bound on a hang: the child's start-up costs seconds on a loaded machine.
  it(
    'polls every due feed once, prints a line per feed and exits 0 even when feeds fail',
    { timeout: 120_000 },
    async () => {
      const server = await startServer({
        '/good.xml': serve(
          rssFeed('Good Paper', [
            { title: 'Bridge opens', guid: 'good-paper-bridge-opens', content: '<p>Finally.</p>' },
          ]),
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

      // The same command in this process: one child above proves the CLI, these need no other.
      const again = await ingestHere(['--once'], env);
      expect(again).toMatchObject({ code: 0, stdout: 'No feed is due.\n' });
      const all = await ingestHere(['--once', '--all'], env);
      expect(all.stdout).toContain('unchanged    Local File Feed');
      expect(all.stdout.trim().split('\n').at(-1)).toBe('3 feeds: 1 updated (0 new stories), 1 not modified, 1 failed');
    },
  );

  it('refuses an unusable database with a sentence naming DATABASE_PATH, and exits 2 without --once', async () => {
    const dir = tempDir();
    const notADatabase = join(dir, 'nb.db');
    writeFileSync(
      notADatabase,
      'this is not an SQLite file, just text that is long enough to fail the header check'.repeat(20),
    );
    const env = { DATABASE_PATH: notADatabase, CATALOGUE_PATH: join(ROOT, 'data/catalogue.json') };
    await expect(ingestHere(['--once'], env)).rejects.toThrow(
      `DATABASE_PATH: cannot open ${notADatabase} as the database: the file is not an SQLite database`,
    );
    const usage = await ingestHere([], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: newsbrief ingest --once \[--all\]/);
  });
});
