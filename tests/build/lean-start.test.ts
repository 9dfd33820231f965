import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/test-app.js';
import { loadedModules, loadedPackages, RECORDER } from './loaded-packages.js';

/**
 * Runs the built bot (bin/newsbrief.js → dist/) under a module recorder and checks what each
 * command loads: the SDKs only where they are used, and a console that answers without the
 * parsers and the HTTP client. A static import of discord.js anywhere on a command's path puts it
 * in that command's list.
 */

const SDKS = ['discord.js', 'grammy', '@grammyjs/runner', '@grammyjs/auto-retry'];
const HEAVY = ['linkedom', 'feedsmith', 'undici', '@mozilla/readability'];
const ARTICLE = fileURLToPath(new URL('../fixtures/articles/03-harbour-bridge.html', import.meta.url));

async function recorded(args: string[], env: Record<string, string>, input = '') {
  const log = join(tempDir(), 'modules.log');
  const result = await runCli(args, {
    input,
    env: { ...env, NEWSBRIEF_MODULE_LOG: log },
    nodeArgs: ['--import', RECORDER],
    timeoutMs: 60_000,
  });
  return { ...result, packages: loadedPackages(log), modules: loadedModules(log) };
}

const sdksIn = (packages: Set<string>) => SDKS.filter((name) => packages.has(name));

describe('the built bot loads only what a command uses', () => {
  it('--help, ingest, console, digest and extract load neither discord.js nor grammY; the console answers without the parsers', async () => {
    const env = { DATABASE_PATH: join(tempDir(), 'bot.db') };

    const help = await recorded(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('register-commands');
    expect(sdksIn(help.packages)).toEqual([]);

    // Also prepares the database: the sample catalogue's four feeds, polled on a worker thread.
    const ingest = await recorded(['ingest', '--once'], env);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stdout).toContain('4 feeds: 4 updated');
    expect(sdksIn(ingest.packages)).toEqual([]);
    expect(ingest.packages.has('undici'), 'the recorder sees bundled packages').toBe(true);
    expect(ingest.modules.some((url) => url.endsWith('/dist/task-worker.js'))).toBe(true);
    expect(ingest.stderr).not.toContain('worker threads unavailable');

    const console = await recorded(['console'], env, '/topics\n');
    expect(console.code, console.stderr).toBe(0);
    expect(console.stdout).toContain('Topics you can subscribe to');
    expect(sdksIn(console.packages)).toEqual([]);
    expect(HEAVY.filter((name) => console.packages.has(name))).toEqual([]);

    const digest = await recorded(['digest'], env);
    expect(digest.code, digest.stderr).toBe(0);
    expect(sdksIn(digest.packages)).toEqual([]);

    const extract = await recorded(['extract', ARTICLE], env);
    expect(extract.code, extract.stderr).toBe(0);
    expect(sdksIn(extract.packages)).toEqual([]);
  });

  it('register-commands loads discord.js only to talk to Discord, and never grammY', async () => {
    const env = { DATABASE_PATH: join(tempDir(), 'bot.db') };
    const help = await recorded(['register-commands', '--help'], env);
    expect(help.stdout).toContain('--clear');
    expect(sdksIn(help.packages)).toEqual([]);
    // An unreachable API root: discord.js is loaded and tries; the request fails at once.
    const result = await recorded(['register-commands'], {
      ...env,
      DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gfake1.not-a-real-token-for-this-test',
      DISCORD_API_ROOT: 'http://127.0.0.1:9/api',
    });
    expect(result.code).toBe(1);
    expect(result.packages.has('discord.js')).toBe(true);
    expect(result.packages.has('grammy')).toBe(false);
  });
});
