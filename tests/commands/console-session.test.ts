import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/test-app.js';

/**
 * A moderator's whole session on the console, from an empty database, through real child
 * processes: create a topic, add a feed (served on 127.0.0.1), subscribe, ingest, /latest, /digest.
 */

const fixture = (name: string) => readFileSync(new URL(`../fixtures/session/${name}`, import.meta.url), 'utf8');

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves the Harbour Gazette feed; `edition` switches what it answers. */
async function serveFeed(): Promise<{ url: string; edition: { current: string } }> {
  const edition = { current: fixture('harbour-first.xml') };
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(edition.current);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/harbour.xml`, edition };
}

describe('a console session from an empty database', () => {
  it('creates a topic, adds a feed, subscribes, ingests, and shows the new stories in /latest and /digest', async () => {
    const dir = tempDir();
    const { url, edition } = await serveFeed();
    const env = {
      DATABASE_PATH: join(dir, 'bot.db'),
      CATALOGUE_PATH: join(dir, 'none.json'),
      ALLOW_PRIVATE_FEEDS: 'true',
    };
    const { writeFileSync } = await import('node:fs');
    writeFileSync(env.CATALOGUE_PATH, '{"topics":[]}');
    const console = (lines: string[]) => runCli(['console'], { input: `${lines.join('\n')}\n`, env });

    const setup = await console([
      '/topic create harbour Harbour news',
      `/feed add harbour ${url}`,
      '/subscribe harbour daily 07:30 Europe/London',
      '/topics',
    ]);
    expect(setup.code).toBe(0);
    expect(setup.stdout).toContain("Created topic 'harbour'");
    expect(setup.stdout).toContain('Harbour Gazette');
    expect(setup.stdout).toMatch(/2 items/);
    expect(setup.stdout).toContain('This chat now follows Harbour news (harbour): daily 07:30 (Europe/London)');
    expect(setup.stdout).toContain('harbour — Harbour news · 1 feed');

    // The feed's first poll stores what it already had without pushing it to digests.
    const firstPoll = await runCli(['ingest', '--once', '--all'], { env });
    expect(firstPoll.code).toBe(0);
    expect(firstPoll.stdout).toMatch(/Harbour Gazette.*2 new stories.*first poll/);

    edition.current = fixture('harbour-second.xml');
    const secondPoll = await runCli(['ingest', '--once', '--all'], { env });
    expect(secondPoll.stdout).toMatch(/Harbour Gazette.*2 new stories/);

    const latest = await console(['/latest harbour']);
    expect(latest.code).toBe(0);
    expect(latest.stdout).toContain('Latest in Harbour news');
    expect(latest.stdout).toContain('Lifeboat crew honoured for night rescue of three fishermen');
    expect(latest.stdout).toContain('Winter ferry timetable cuts two evening sailings');
    expect(latest.stdout).toContain('https://harbour-gazette.example/2026/11/lifeboat-crew');

    // The digest holds the two stories that arrived after subscribing, not the first poll's.
    const digest = await console(['/digest harbour']);
    expect(digest.code).toBe(0);
    expect(digest.stdout).toContain('Lifeboat crew honoured for night rescue of three fishermen');
    expect(digest.stdout).toContain('Fish market to reopen after a year of rebuilding');
    expect(digest.stdout).toContain(
      '“None of us thought about medals that night, we thought about getting everyone home before the tide turned.” — Ruth Alcott',
    );
    expect(digest.stdout).not.toContain('Winter ferry timetable');
  });
});
