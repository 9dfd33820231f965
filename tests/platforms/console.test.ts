import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/test-app.js';

function catalogueIn(dir: string): string {
  mkdirSync(join(dir, 'feeds'));
  writeFileSync(join(dir, 'feeds', 'desk.xml'), '<rss version="2.0"><channel><title>Desk</title></channel></rss>');
  const path = join(dir, 'catalogue.json');
  writeFileSync(
    path,
    JSON.stringify({
      topics: [
        { slug: 'oceans', name: 'Oceans', description: 'Seas and the people who work them', feeds: ['feeds/desk.xml'] },
      ],
    }),
  );
  return path;
}

describe('the console platform', () => {
  it('answers each piped line in order and exits 0 at the end of input', async () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: join(dir, 'bot.db'), CATALOGUE_PATH: catalogueIn(dir) };
    const result = await runCli(['console'], { input: '/help\n/topics\n', env });
    expect(result.code).toBe(0);
    const help = result.stdout.indexOf('Commands you can use here');
    const topics = result.stdout.indexOf('Topics you can subscribe to');
    expect(help).toBeGreaterThanOrEqual(0);
    expect(topics).toBeGreaterThan(help);
    expect(result.stdout).toMatch(/\n {2}\/topics +List the topics this chat can subscribe to\n/);
    expect(result.stdout).toContain('oceans — Seas and the people who work them · 1 feed');
  });

  it('keeps what one session changed for the next, in the same database', async () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: join(dir, 'bot.db'), CATALOGUE_PATH: catalogueIn(dir) };
    const first = await runCli(['console'], { input: '/topic create harbour-news Harbour news\n', env });
    expect(first.stdout).toContain("Created topic 'harbour-news'");
    const second = await runCli(['console'], { input: '/topics\n', env });
    expect(second.stdout).toContain('harbour-news — Harbour news');
  });

  it('answers a wrong argument with a clear message and carries on with the next line', async () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: join(dir, 'bot.db'), CATALOGUE_PATH: catalogueIn(dir) };
    const result = await runCli(['console'], { input: '/topic delete ocenas\nhello\n/topics\n', env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("unknown topic 'ocenas' — did you mean 'oceans'?");
    expect(result.stdout).toContain('Commands start with / — try /help.');
    expect(result.stdout).toContain('oceans — Seas');
  });
});
