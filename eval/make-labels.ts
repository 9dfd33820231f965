/**
 * Converts the labellers' raw files (/work/devset/labels/*.json, outside git) into the committed hashed form:
 * eval/devset/labels.json (hashes and speakers) and eval/devset/manifest.json (repository, commit, path).
 *
 *   npx tsx eval/make-labels.ts [raw labels folder]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashLabel, type ManifestEntry, type RawLabel } from './label-format.js';

const rawFolder = process.argv[2] ?? '/work/devset/labels';
const outFolder = join(import.meta.dirname, 'devset');

const labels: RawLabel[] = readdirSync(rawFolder)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .flatMap((file) => {
    try {
      return [JSON.parse(readFileSync(join(rawFolder, file), 'utf8')) as RawLabel];
    } catch (error) {
      console.error(`skipped ${file}: ${(error as Error).message}`);
      return [];
    }
  })
  .filter((label) => typeof label.id === 'string' && Array.isArray(label.quotes));

const manifest: ManifestEntry[] = labels.map(({ id, repo, commit, path, lang }) => ({ id, repo, commit, path, lang }));
writeFileSync(join(outFolder, 'labels.json'), `${JSON.stringify(labels.map(hashLabel), null, 1)}\n`);
writeFileSync(join(outFolder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const quotes = labels.reduce((sum, label) => sum + label.quotes.length, 0);
console.log(`${labels.length} pages, ${quotes} quotes → eval/devset/labels.json, eval/devset/manifest.json`);
