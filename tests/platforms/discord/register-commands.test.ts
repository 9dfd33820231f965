import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { runRegisterCommands } from '../../../src/cli/register-commands.js';
import { namesOf } from '../../../src/core/command.js';
import { runCli } from '../../helpers/cli.js';
import { startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord.js';
import { tempDir } from '../../helpers/test-app.js';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function output() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = (stream: PassThrough) => () => String(stream.read() ?? '');
  return { io: { stdout, stderr }, out: text(stdout), err: text(stderr) };
}

/** Every command and alias: Discord has no aliases, so /sub is registered beside /subscribe. */
const SLASH_NAMES = COMMANDS.flatMap(namesOf);

describe('newsbrief register-commands', () => {
  it('registers every command globally from the command line, remembering the definitions', async () => {
    fake = await startFakeDiscord();
    const env = { DISCORD_TOKEN: fake.token, DISCORD_API_ROOT: fake.apiRoot, DATABASE_PATH: join(tempDir(), 'bot.db') };
    const result = await runCli(['register-commands'], { env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `Registered ${SLASH_NAMES.length} commands globally; Discord may take a few minutes to show them everywhere.\n`,
    );
    expect(result.code).toBe(0);
    const names = (fake.registered.global as { name: string }[]).map((command) => command.name);
    expect(names).toEqual(SLASH_NAMES);
    expect(names).toEqual(expect.arrayContaining(['start', 'sub', 'unsub', 'list']));
    const byName = new Map((fake.registered.global as { name: string; options: unknown }[]).map((c) => [c.name, c]));
    expect(byName.get('sub')!.options).toEqual(byName.get('subscribe')!.options);
  });

  it('registers in one server with --guild, where the commands show at once', async () => {
    fake = await startFakeDiscord();
    const { io, out } = output();
    expect(
      await runRegisterCommands(['--guild', '123456789012345678'], io, {
        token: fake.token,
        apiRoot: fake.apiRoot,
        commands: COMMANDS,
      }),
    ).toBe(0);
    expect(out()).toBe(
      `Registered ${SLASH_NAMES.length} commands in server 123456789012345678; they are usable there now.\n`,
    );
    expect(fake.registered.guilds.get('123456789012345678')).toHaveLength(SLASH_NAMES.length);
    expect(fake.registered.global).toBeNull();
    const cleared = output();
    expect(
      await runRegisterCommands(['--guild', '123456789012345678', '--clear'], cleared.io, {
        token: fake.token,
        apiRoot: fake.apiRoot,
        commands: COMMANDS,
      }),
    ).toBe(0);
    expect(cleared.out()).toMatch(/^Removed the commands registered in server 123456789012345678/);
    expect(fake.registered.guilds.get('123456789012345678')).toEqual([]);
  });

  it('remembers a global registration so start-up does not repeat it', async () => {
    fake = await startFakeDiscord();
    const stored = new Map<string, string>();
    const hashes = {
      get: async (key: string) => stored.get(key) ?? null,
      set: async (key: string, value: string) => void stored.set(key, value),
    };
    const { io } = output();
    expect(
      await runRegisterCommands([], io, { token: fake.token, apiRoot: fake.apiRoot, commands: COMMANDS, hashes }),
    ).toBe(0);
    expect([...stored.keys()]).toEqual([`discord.commands.${fake.applicationId}`]);
  });

  it('says what is wrong: no token, a bad argument, a refused token', async () => {
    fake = await startFakeDiscord();
    const missing = output();
    expect(await runRegisterCommands([], missing.io, { token: undefined, commands: COMMANDS })).toBe(1);
    expect(missing.err()).toMatch(/DISCORD_TOKEN is not set/);
    const bad = output();
    expect(await runRegisterCommands(['--guild', 'general'], bad.io, { token: fake.token, commands: COMMANDS })).toBe(
      2,
    );
    expect(bad.err()).toMatch(/--guild needs a server id/);
    const refused = output();
    const wrongToken = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.Gwrong.not-the-token-the-fake-expects-xyz';
    expect(
      await runRegisterCommands([], refused.io, { token: wrongToken, apiRoot: fake.apiRoot, commands: COMMANDS }),
    ).toBe(1);
    expect(refused.err()).toMatch(/Discord refused the token \(401\)/);
    expect(fake.registered.global).toBeNull();
  });
});
