import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RECORDER = fileURLToPath(new URL('../helpers/module-recorder.mjs', import.meta.url));

/** The package a node_modules path belongs to (`discord.js`, `@discordjs/rest`). */
function packageOf(path: string): string | null {
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) return null;
  const [first = '', second = ''] = path.slice(at + 'node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

/**
 * The npm packages a process loaded, from the module recorder's log: packages imported from
 * node_modules (the SDKs, better-sqlite3, pino), and packages bundled into each dist/ chunk it
 * loaded (read from the chunk's source map).
 */
export function loadedPackages(log: string): Set<string> {
  const packages = new Set<string>();
  const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  for (const url of urls) {
    if (!url.startsWith('file:')) continue;
    const path = fileURLToPath(url);
    const direct = packageOf(path);
    if (direct) {
      packages.add(direct);
    } else if (path.includes('/dist/') && existsSync(`${path}.map`)) {
      const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { sources: string[] };
      for (const source of map.sources) {
        const bundled = packageOf(source);
        if (bundled) packages.add(bundled);
      }
    }
  }
  return packages;
}

/** Every module URL the log lists. */
export function loadedModules(log: string): string[] {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}
