import { readFileSync, writeFileSync } from 'node:fs';
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
  it('creates a topic, adds a feed, subscribes; the next console polls first and shows what the feed published since', async () => {
    const dir = tempDir();
    const { url, edition } = await serveFeed();
    const env = {
      DATABASE_PATH: join(dir, 'bot.db'),
      CATALOGUE_PATH: join(dir, 'none.json'),
      ALLOW_PRIVATE_FEEDS: 'true',
    };
    writeFileSync(env.CATALOGUE_PATH, '{"topics":[]}');
    // Generous bounds on a hang, not speed checks: each child costs seconds on a loaded machine.
    const runConsole = (lines: string[]) =>
      runCli(['console'], { input: `${lines.join('\n')}\n`, env, timeoutMs: 60_000 });

    const setup = await runConsole([
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

    // The feed publishes two stories after /feed add and before its first poll, which this
    // console makes before answering: the two /feed add saw are old news, the two new ones are not.
    edition.current = fixture('harbour-second.xml');
    const session = await runConsole(['/digest harbour', '/latest harbour']);
    expect(session.code).toBe(0);
    const split = session.stdout.indexOf('Latest in Harbour news');
    expect(split).toBeGreaterThan(0);
    const [digest, latest] = [session.stdout.slice(0, split), session.stdout.slice(split)];
    expect(latest).toContain('Lifeboat crew honoured for night rescue of three fishermen');
    expect(latest).toContain('Winter ferry timetable cuts two evening sailings');
    expect(latest).toContain('https://harbour-gazette.example/2026/11/lifeboat-crew');
    expect(digest).toContain('Lifeboat crew honoured for night rescue of three fishermen');
    expect(digest).toContain('Fish market to reopen after a year of rebuilding');
    expect(digest).toContain(
      '“None of us thought about medals that night, we thought about getting everyone home before the tide turned.” — Ruth Alcott',
    );
    expect(digest).not.toContain('Winter ferry timetable');
    expect(digest).not.toContain('Repairs to the harbour wall');
  }, 150_000);
});
