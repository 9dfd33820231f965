import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/test-app.js';
import { createTestSchema, schemaUrl, type TestSchema } from '../helpers/servers.js';

/**
 * A community that grew: its bot ran on SQLite, the operator stops it, runs
 * `newsbrief migrate --from-sqlite`, and starts it on PostgreSQL. The bot answers as before.
 */

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/session/${name}`, import.meta.url), 'utf8');

let server: Server;
let feedUrl: string;
let schema: TestSchema;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(fixture('harbour-first.xml'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/harbour.xml`;
  schema = await createTestSchema();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await schema.drop();
});

describe('newsbrief migrate --from-sqlite', () => {
  it('copies a SQLite bot into PostgreSQL, and the PostgreSQL bot answers /subscriptions and /latest as the SQLite one did', async () => {
    const dir = tempDir();
    const sqliteEnv = {
      DATABASE_PATH: join(dir, 'bot.db'),
      CATALOGUE_PATH: join(dir, 'none.json'),
      ALLOW_PRIVATE_FEEDS: 'true',
    };
    writeFileSync(sqliteEnv.CATALOGUE_PATH, '{"topics":[]}');
    const runConsole = (lines: string[], env: Record<string, string>) =>
      runCli(['console'], { input: `${lines.join('\n')}\n`, env, timeoutMs: 60_000 });

    const setup = await runConsole(
      [
        '/topic create harbour Harbour news',
        `/feed add harbour ${feedUrl}`,
        '/subscribe harbour daily 07:30 Europe/London format compact quotes 1',
      ],
      sqliteEnv,
    );
    expect(setup.code, setup.stderr).toBe(0);
    const questions = ['/subscriptions', '/latest harbour', '/topics'];
    const before = await runConsole(questions, sqliteEnv);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain('Harbour news');
    expect(before.stdout).toContain('Repairs to the harbour wall finish a month early');
    expect(before.stdout).toContain('format compact');

    // The SQLite file moves away: a bot that still read it would start empty and answer otherwise.
    const oldFile = join(dir, 'old.db');
    renameSync(sqliteEnv.DATABASE_PATH, oldFile);
    const pgEnv = { ...sqliteEnv, DATABASE_URL: schemaUrl(schema.name) };
    const copy = await runCli(['migrate', '--from-sqlite', oldFile], { env: pgEnv });
    expect(copy.code, copy.stderr).toBe(0);
    expect(copy.stdout).toMatch(/subscriptions\s+1 rows/);
    expect(copy.stdout).toMatch(/stories\s+[1-9]\d* rows/);

    const after = await runConsole(questions, pgEnv);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    expect(existsSync(sqliteEnv.DATABASE_PATH)).toBe(false);

    const { rows } = await schema.pool.query<{ count: number }>('SELECT count(*) AS count FROM subscriptions');
    expect(rows[0]!.count).toBe(1);

    // A second copy into the same schema is refused, and keeps what is there.
    const again = await runCli(['migrate', '--from-sqlite', oldFile], { env: pgEnv });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds rows: copy into an empty schema');
    const still = await schema.pool.query<{ count: number }>('SELECT count(*) AS count FROM stories');
    expect(still.rows[0]!.count).toBeGreaterThan(0);
  }, 150_000);
});
