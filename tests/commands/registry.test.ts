import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { leavesOf } from '../../src/core/command.js';

const commandFiles = readdirSync(new URL('../../commands/', import.meta.url)).filter(
  (file) => file.endsWith('.ts') && file !== 'index.ts',
);

describe('the command registry', () => {
  it('lists every file in commands/ exactly once, under the file’s name', async () => {
    const registered = COMMANDS.map((command) => command.name).sort();
    const files = commandFiles.map((file) => file.replace(/\.ts$/, '')).sort();
    expect(registered).toEqual(files);
    for (const file of commandFiles) {
      const module = (await import(`../../commands/${file}`)) as Record<string, unknown>;
      const exported = Object.values(module);
      expect(exported.length, `${file} exports one command`).toBe(1);
      expect(COMMANDS).toContain(exported[0]);
    }
  });

  it('has unique, valid names and an example that starts with the command', () => {
    const names = COMMANDS.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of COMMANDS) {
      expect(command.name).toMatch(/^[a-z][a-z0-9_-]{0,31}$/);
      for (const { path, sub } of leavesOf(command)) {
        expect(sub.example.startsWith(`/${path}`), `${sub.example} starts with /${path}`).toBe(true);
        expect(sub.description.length).toBeLessThanOrEqual(100);
      }
    }
  });
});
