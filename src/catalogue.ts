import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import * as z from 'zod';
import { ConfigError } from './core/errors.js';
import type { FeedStore, TopicStore } from './core/ports.js';
import { normaliseSlug } from './core/slug.js';
import type { MetaStore } from './store/meta-store.js';

/**
 * The operator's global topic catalogue (data/catalogue.json by default): global topics and the
 * feeds behind them. Feeds may be http(s) URLs or, here only, local files relative to the catalogue.
 * Loaded into the database at start whenever the file changed.
 */

const catalogueSchema = z.object({
  topics: z
    .array(
      z.object({
        slug: z.string().min(1).transform(normaliseSlug),
        name: z.string().min(1).max(80),
        description: z.string().max(200).default(''),
        includeKeywords: z.array(z.string().min(1)).default([]),
        excludeKeywords: z.array(z.string().min(1)).default([]),
        feeds: z.array(z.string().min(1)).default([]),
      }),
    )
    .max(500),
});

export type Catalogue = z.infer<typeof catalogueSchema>;

export interface CatalogueDeps {
  topics: TopicStore;
  feeds: FeedStore;
  meta: MetaStore;
  /** Runs its argument in one transaction, so a bad catalogue changes nothing. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

export interface CatalogueResult {
  changed: boolean;
  topics: number;
  feeds: number;
}

const isUrl = (value: string): boolean => /^https?:\/\//i.test(value);

export function readCatalogue(path: string): { catalogue: Catalogue; hash: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`CATALOGUE_PATH: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? error})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`${path}: not valid JSON (${(error as Error).message})`]);
  }
  const result = catalogueSchema.safeParse(json);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${path}: ${issue.path.join('.')}: ${issue.message}`));
  }
  const base = dirname(resolve(path));
  for (const topic of result.data.topics) {
    topic.feeds = topic.feeds.map((feed) => (isUrl(feed) || isAbsolute(feed) ? feed : resolve(base, feed)));
  }
  const hash = createHash('sha256').update(JSON.stringify(result.data)).digest('hex');
  return { catalogue: result.data, hash };
}

/**
 * Applies the catalogue: creates or updates its global topics and attaches their feeds; feeds
 * removed from a catalogue topic are detached. Global topics made by the operator in chat are
 * left alone. Skipped when the catalogue has not changed since the last load.
 */
export async function loadCatalogue(path: string, deps: CatalogueDeps): Promise<CatalogueResult> {
  const { catalogue, hash } = readCatalogue(path);
  const count = { topics: catalogue.topics.length, feeds: catalogue.topics.reduce((n, t) => n + t.feeds.length, 0) };
  if ((await deps.meta.get('catalogue_hash')) === hash) return { changed: false, ...count };
  await deps.transaction(async () => {
    for (const entry of catalogue.topics) {
      const fields = {
        name: entry.name,
        description: entry.description,
        includeKeywords: entry.includeKeywords,
        excludeKeywords: entry.excludeKeywords,
      };
      const existing = await deps.topics.findVisible(entry.slug, null);
      const topic = existing
        ? await deps.topics.update(existing.id, fields)
        : await deps.topics.create({ slug: entry.slug, communityId: null, ...fields });
      const wanted = new Set(entry.feeds);
      for (const feed of await deps.feeds.listForTopic(topic.id)) {
        if (feed.fromCatalogue && !wanted.has(feed.url)) await deps.feeds.detach(topic.id, feed.id);
      }
      for (const url of entry.feeds) {
        const feed = await deps.feeds.ensure(url, { fromCatalogue: true });
        if (!feed.fromCatalogue) await deps.feeds.update(feed.id, { fromCatalogue: true });
        await deps.feeds.attach(topic.id, feed.id, 'catalogue');
      }
    }
    await deps.meta.set('catalogue_hash', hash);
  });
  return { changed: true, ...count };
}
