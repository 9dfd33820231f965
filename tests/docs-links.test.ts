import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';

/** The README and .env.example send people only to files that are in the repository. */

const root = new URL('../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const packageJson = JSON.parse(read('package.json')) as Record<string, Record<string, string> | undefined>;
const packages = new Set([
  ...Object.keys(packageJson.dependencies ?? {}),
  ...Object.keys(packageJson.devDependencies ?? {}),
]);
/** Made when the bot runs, not shipped. */
const RUNTIME = new Set([configSchema.shape.DATABASE_PATH.parse(undefined)]);

const FILE_NAME =
  /(?<![\w/:.-])(?:\.{0,2}\/)?(?:[\w.-]+\/)*[\w.-]*\.(?:md|json|ts|js|mjs|xml|atom|opml|example|sh)(?![\w/-])/g;

function fileReferences(text: string): string[] {
  return [...new Set(text.match(FILE_NAME) ?? [])].filter((name) => !packages.has(name) && !RUNTIME.has(name));
}

describe('the documentation', () => {
  it.each(['README.md', '.env.example'])('%s names only files that exist', (document) => {
    const references = fileReferences(read(document));
    expect(references.length).toBeGreaterThan(0);
    const missing = references.filter((name) => !existsSync(new URL(name.replace(/^\.\//, ''), root)));
    expect(missing).toEqual([]);
  });
});
