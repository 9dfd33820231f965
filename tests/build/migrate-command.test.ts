import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMigrateArgs } from '../../src/cli/migrate.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/test-app.js';

describe('newsbrief migrate', () => {
  it('reads --from-sqlite with its file, in both spellings, and refuses anything else', () => {
    expect(parseMigrateArgs([])).toEqual({ fromSqlite: null });
    expect(parseMigrateArgs(['--from-sqlite', 'data/old.db'])).toEqual({ fromSqlite: 'data/old.db' });
    expect(parseMigrateArgs(['--from-sqlite=data/old.db'])).toEqual({ fromSqlite: 'data/old.db' });
    expect(parseMigrateArgs(['--from-sqlite'])).toBe('--from-sqlite needs the SQLite file to copy');
    expect(parseMigrateArgs(['--from-sqlite', '--force'])).toBe('--from-sqlite needs the SQLite file to copy');
    expect(parseMigrateArgs(['--to-mysql'])).toBe('unknown argument --to-mysql');
  });

  it('says DATABASE_URL is missing instead of touching anything', async () => {
    const result = await runCli(['migrate', '--from-sqlite', join(tempDir(), 'bot.db')], {
      env: { DATABASE_PATH: join(tempDir(), 'unused.db') },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL is not set');
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('names a SQLite file that does not exist before connecting anywhere', async () => {
    const missing = join(tempDir(), 'no-such.db');
    // Port 1 refuses at once: were it tried, the message would be about PostgreSQL, not the file.
    const result = await runCli(['migrate', '--from-sqlite', missing], {
      env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${missing}: no such file`);
  });

  it('reports an unreachable PostgreSQL in one sentence naming DATABASE_URL', async () => {
    const result = await runCli(['migrate'], { env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot reach PostgreSQL at .*\(DATABASE_URL\)/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
