import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { ConfigError } from '../src/core/errors.js';
import { runBot } from '../src/main.js';
import { runCli } from './helpers/cli.js';
import { recordingLogger, tempDir } from './helpers/test-app.js';

/** A bad DATABASE_PATH or CATALOGUE_PATH is a sentence naming the key and the path, and writes nothing. */

const NOT_A_DATABASE = 'this is not an SQLite file, just text that is long enough to fail the header check\n'.repeat(
  20,
);

function start(env: Record<string, string>): Promise<number> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  return runBot(parseConfig({ LOG_LEVEL: 'silent', ...env }), recordingLogger(), io);
}

async function configError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

describe('set-up errors at start', () => {
  it('a DATABASE_PATH that is not a database names the key and the path and leaves the file as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'nb.db');
    writeFileSync(path, NOT_A_DATABASE);
    const message = await configError(start({ DATABASE_PATH: path, CATALOGUE_PATH: 'data/catalogue.json' }));
    expect(message).toContain(`DATABASE_PATH: cannot open ${path} as the database: the file is not an SQLite database`);
    expect(readFileSync(path, 'utf8')).toBe(NOT_A_DATABASE);
    expect(readdirSync(dir)).toEqual(['nb.db']);
  });

  it('an unwritable DATABASE_PATH names the key and the path', async () => {
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const path = join(file, 'data', 'nb.db');
    const message = await configError(start({ DATABASE_PATH: path, CATALOGUE_PATH: 'data/catalogue.json' }));
    expect(message).toMatch(
      new RegExp(`DATABASE_PATH: cannot open ${path.replace(/[.]/g, '\\.')} as the database: ENOTDIR`),
    );
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('a CATALOGUE_PATH that cannot be read is reported before any database file is created', async () => {
    const dir = tempDir();
    const message = await configError(
      start({ DATABASE_PATH: join(dir, 'nb.db'), CATALOGUE_PATH: join(dir, 'missing.json') }),
    );
    expect(message).toContain(`CATALOGUE_PATH: cannot read ${join(dir, 'missing.json')} (ENOENT)`);
    expect(existsSync(join(dir, 'nb.db'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a PostgreSQL server that cannot be reached names DATABASE_URL, and no SQLite file is made instead', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'catalogue.json'), '{"topics":[]}');
    const message = await configError(
      start({
        // Port 1 on the loopback: nothing listens there, the connection is refused at once.
        DATABASE_URL: 'postgres://newsbrief:secret@127.0.0.1:1/newsbrief',
        DATABASE_PATH: join(dir, 'nb.db'),
        CATALOGUE_PATH: join(dir, 'catalogue.json'),
      }),
    );
    expect(message).toContain(
      'Cannot reach PostgreSQL at postgres://newsbrief:***@127.0.0.1:1/newsbrief (DATABASE_URL)',
    );
    expect(message).not.toContain('secret');
    expect(readdirSync(dir)).toEqual(['catalogue.json']);
  });

  it('`newsbrief digest` with an unreachable DATABASE_URL says so in one sentence and exits 1', async () => {
    const result = await runCli(['digest'], {
      env: { DATABASE_URL: 'postgres://newsbrief@127.0.0.1:1/newsbrief', DATABASE_PATH: join(tempDir(), 'nb.db') },
      timeoutMs: 60_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('(DATABASE_URL)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('`newsbrief start` says it in one sentence on stderr and exits 1, without a stack trace', async () => {
    const dir = tempDir();
    const path = join(dir, 'nb.db');
    writeFileSync(path, NOT_A_DATABASE);
    writeFileSync(join(dir, 'catalogue.json'), '{"topics":[]}');
    const result = await runCli(['start'], {
      env: { DATABASE_PATH: path, CATALOGUE_PATH: join(dir, 'catalogue.json') },
      timeoutMs: 60_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `DATABASE_PATH: cannot open ${path} as the database: the file is not an SQLite database`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path, 'utf8')).toBe(NOT_A_DATABASE);
  }, 90_000);
});
