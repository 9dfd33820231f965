import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, logLevelFor, parseConfig } from '../src/config.js';
import { ConfigError } from '../src/core/errors.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/test-app.js';

describe('configuration', () => {
  it('gives working defaults for an empty environment', () => {
    expect(parseConfig({})).toMatchObject({
      DATABASE_PATH: 'data/newsbrief.db',
      DEFAULT_TIMEZONE: 'UTC',
      ALLOW_PRIVATE_FEEDS: false,
      FETCH_TIMEOUT_MS: 15_000,
    });
  });

  it('logs at info, or only warnings on an interactive console, unless LOG_LEVEL says otherwise', () => {
    expect(logLevelFor(parseConfig({}))).toBe('info');
    expect(logLevelFor(parseConfig({}), true)).toBe('warn');
    expect(logLevelFor(parseConfig({ LOG_LEVEL: 'debug' }), true)).toBe('debug');
  });

  it('reports every bad key together, each with what it expects', () => {
    let error: unknown;
    try {
      parseConfig({
        DEFAULT_TIMEZONE: 'Mars/Base',
        LOG_LEVEL: 'shouty',
        FETCH_TIMEOUT_MS: 'soon',
        TELEGRAM_BOT_TOKEN: 'not-a-token',
        DISCORD_TOKEN: 'abc',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues).toHaveLength(5);
    expect(issues).toEqual(
      expect.arrayContaining([
        'DEFAULT_TIMEZONE: expected an IANA timezone such as Europe/London',
        expect.stringMatching(/^LOG_LEVEL: expected one of fatal, error/),
        'FETCH_TIMEOUT_MS: expected a whole number',
        expect.stringMatching(/^TELEGRAM_BOT_TOKEN: expected a Telegram bot token/),
        expect.stringMatching(/^DISCORD_TOKEN: expected a Discord bot token/),
      ]),
    );
  });

  it('reads Discord shard ranges and lists, and refuses ids that are not below SHARD_COUNT', () => {
    expect(parseConfig({ SHARD_COUNT: '4', SHARD_IDS: '0-1, 3' })).toMatchObject({
      SHARD_COUNT: 4,
      SHARD_IDS: [0, 1, 3],
    });
    expect(parseConfig({ SHARD_COUNT: '2' }).SHARD_IDS).toBeUndefined();
    const issues = (env: Record<string, string>): string[] => {
      try {
        parseConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).issues;
      }
    };
    expect(issues({ SHARD_COUNT: '2', SHARD_IDS: '1-2' })).toEqual([
      'SHARD_IDS: shard ids count from 0 and must be below SHARD_COUNT (2): 2',
    ]);
    expect(issues({ SHARD_IDS: '0' })).toEqual(['SHARD_IDS: needs SHARD_COUNT, the shards over all processes']);
    expect(issues({ SHARD_COUNT: '2', SHARD_IDS: 'one' })).toEqual([
      'SHARD_IDS: expected shard ids such as 0,1 or 0-3',
    ]);
    expect(issues({ METRICS_PORT: '70000', DATABASE_URL: 'mysql://x' })).toEqual([
      'DATABASE_URL: expected postgres://user:password@host:5432/database',
      'METRICS_PORT: expected a port number (0-65535)',
    ]);
    expect(issues({ DATABASE_URL: 'postgres://db:port/newsbrief' })).toEqual([
      'DATABASE_URL: not a valid URL: expected postgres://user:password@host:5432/database',
    ]);
    expect(parseConfig({ METRICS_PORT: '9464' })).toMatchObject({ METRICS_PORT: 9464, METRICS_HOST: '127.0.0.1' });
  });

  it('documents every key in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    for (const key of Object.keys(configSchema.shape)) expect(example).toMatch(new RegExp(`^#? ?${key}=`, 'm'));
  });

  it('stops start-up with exit code 1 and one message, writing nothing — not even an empty database', async () => {
    const dir = tempDir();
    const result = await runCli(['start'], {
      cwd: dir,
      env: {
        DATABASE_PATH: join(dir, 'data', 'bot.db'),
        DEFAULT_TIMEZONE: 'Mars/Base',
        LOG_LEVEL: 'loud',
        FEED_POLL_INTERVAL_MINUTES: 'often',
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('DEFAULT_TIMEZONE');
    expect(result.stderr).toContain('LOG_LEVEL');
    expect(result.stderr).toContain('FEED_POLL_INTERVAL_MINUTES');
    expect(existsSync(join(dir, 'data'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a .env file in the working folder, and reports a bad key from it', async () => {
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, '.env'), 'DEFAULT_TIMEZONE=Nowhere/Land\n');
    const result = await runCli(['start'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DEFAULT_TIMEZONE: expected an IANA timezone');
    expect(readdirSync(dir)).toEqual(['.env']);
  });
});
