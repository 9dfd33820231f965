import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, SUBCOMMAND_NAMES } from '../../src/cli/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/test-app.js';

afterEach(() => vi.unstubAllEnvs());

/** What a subcommand prints when given an option it does not know: its own usage text. */
async function ownUsage(name: string): Promise<string> {
  let text = '';
  const sink = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
  const code = await main([name, '--no-such-option'], { stdin: new PassThrough(), stdout: sink, stderr: sink });
  expect(code, text).toBe(2);
  return text;
}

describe('newsbrief --help', () => {
  it('lists every subcommand and every option of each, descriptions aligned in one column', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('  '));
    for (const name of SUBCOMMAND_NAMES) {
      expect(
        lines.some((line) => line.trimStart().startsWith(`${name} `)),
        name,
      ).toBe(true);
    }
    vi.stubEnv('DATABASE_PATH', join(tempDir(), 'bot.db'));
    for (const name of ['extract', 'ingest', 'digest', 'register-commands', 'migrate']) {
      const flags = new Set((await ownUsage(name)).match(/--[a-z][a-z-]*/g));
      flags.delete('--no-such-option');
      expect(flags.size, name).toBeGreaterThan(0);
      for (const flag of flags) expect(result.stdout, `${name} ${flag}`).toContain(flag);
    }
    expect(result.stdout).toMatch(/--clear\s+with --guild/);
    // Every description starts in the same column, after the command or option and 2+ spaces.
    const columns = new Set(lines.map((line) => /^(\s+\S.*?\s{2,})\S/.exec(line)?.[1]?.length));
    expect([...columns]).toHaveLength(1);
  });

  it('answers an unknown subcommand with the same list and exit code 2', async () => {
    const result = await runCli(['publish']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'publish'");
    expect(result.stderr).toContain('register-commands');
  });
});
