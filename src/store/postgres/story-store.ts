import type { Quote, Story } from '../../core/domain.js';
import type { NewStory, StoryStore } from '../../core/story-port.js';
import { nowIso } from '../rows.js';
import { storyFromRow, type StoryRow } from '../story-store.js';
import { normalizeHeadline, normalizeQuote } from '../story-clusters.js';
import { createPgClusterFinder } from './cluster-finder.js';
import type { PgPool } from './connect.js';
import { latestStoryIds } from './latest-stories.js';
import { pgDb } from './pg-db.js';

interface KeyQuoteRow extends Quote {
  story_id: number;
}

/**
 * Stories over PostgreSQL: a story, its quotes, topics and cluster stored in one transaction. Two
 * processes storing the same key at once store it once: the second waits on the key, then finds it.
 */
export function createPgStoryStore(pool: PgPool): StoryStore {
  const db = pgDb(pool);
  const clusters = createPgClusterFinder(db);

  /** The stories of these ids, in the order of the ids, each with its key quotes by rank. */
  const getMany = async (ids: readonly number[]): Promise<Story[]> => {
    if (ids.length === 0) return [];
    const stories = await db.query<StoryRow>(`SELECT * FROM stories WHERE id = ANY ($1::bigint[])`, [[...ids]]);
    const quotes = await db.query<KeyQuoteRow>(
      `SELECT story_id, text, speaker, paragraph FROM quotes
       WHERE story_id = ANY ($1::bigint[]) AND key_rank IS NOT NULL ORDER BY story_id, key_rank`,
      [[...ids]],
    );
    const keyQuotes = new Map<number, Quote[]>();
    for (const { story_id: storyId, text, speaker, paragraph } of quotes.rows) {
      keyQuotes.set(storyId, [...(keyQuotes.get(storyId) ?? []), { text, speaker, paragraph }]);
    }
    const byId = new Map(stories.rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [storyFromRow(row, keyQuotes.get(id) ?? [])] : [];
    });
  };
  const get = async (id: number): Promise<Story | null> => (await getMany([id]))[0] ?? null;

  const insertQuotes = async (storyId: number, story: NewStory): Promise<string[]> => {
    const rows = story.quotes.map((quote) => ({ ...quote, keyRank: null as number | null }));
    story.keyQuotes.slice(0, 3).forEach((key, index) => {
      const same = rows.find((row) => row.keyRank === null && row.text === key.text && row.paragraph === key.paragraph);
      if (same) same.keyRank = index + 1;
      else rows.push({ ...key, keyRank: index + 1 });
    });
    const normalized = rows.map((row) => normalizeQuote(row.text));
    if (rows.length > 0) {
      await db.query(
        `INSERT INTO quotes (story_id, position, text, speaker, paragraph, key_rank, normalized_text)
         SELECT $1::bigint, position - 1, text, speaker, paragraph, key_rank, normalized_text
         FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::text[])
           WITH ORDINALITY AS q (text, speaker, paragraph, key_rank, normalized_text, position)`,
        [
          storyId,
          rows.map((row) => row.text),
          rows.map((row) => row.speaker),
          rows.map((row) => row.paragraph),
          rows.map((row) => row.keyRank),
          normalized,
        ],
      );
    }
    return [...new Set(normalized.filter(Boolean))];
  };

  const existing = async (story: NewStory, normalizedHeadline: string): Promise<number | undefined> => {
    const byKey = await db.query<{ id: number }>(`SELECT id FROM stories WHERE key = $1`, [story.key]);
    if (byKey.rows[0] || !story.url) return byKey.rows[0]?.id;
    // The same feed's item under a new guid: same link, same headline.
    const same = await db.query<{ id: number }>(
      `SELECT id FROM stories WHERE feed_id = $1 AND url = $2 AND normalized_headline = $3 ORDER BY id DESC LIMIT 1`,
      [story.feedId, story.url, normalizedHeadline],
    );
    return same.rows[0]?.id;
  };

  const add = async (story: NewStory): Promise<{ story: Story; created: boolean }> => {
    const normalizedHeadline = normalizeHeadline(story.headline, story.source);
    const found = await existing(story, normalizedHeadline);
    if (found !== undefined) return { story: (await get(found))!, created: false };
    const inserted = await db.query<{ id: number }>(
      `INSERT INTO stories (key, feed_id, url, headline, normalized_headline, standfirst, byline, source, published_at,
         arrived_at, tags, image_url, enriched, eligible_for_digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [
        story.key,
        story.feedId,
        story.url,
        story.headline,
        normalizedHeadline,
        story.standfirst,
        story.byline,
        story.source,
        story.publishedAt,
        story.arrivedAt,
        JSON.stringify(story.tags),
        story.imageUrl ?? null,
        story.enriched,
        story.eligibleForDigest,
      ],
    );
    const id = inserted.rows[0]?.id;
    // Another process stored the key between the look-up and the insert: its story is the one.
    if (id === undefined) return { story: (await get((await existing(story, normalizedHeadline))!))!, created: false };
    const normalizedQuotes = await insertQuotes(id, story);
    await addTopics(id, story.topicIds);
    await clusters.assign(
      { id, normalizedHeadline, publishedAt: story.publishedAt, arrivedAt: story.arrivedAt, normalizedQuotes },
      nowIso(),
    );
    return { story: (await get(id))!, created: true };
  };

  const addTopics = async (storyId: number, topicIds: readonly number[]): Promise<number> => {
    if (topicIds.length === 0) return 0;
    const result = await db.query(
      `INSERT INTO story_topics (topic_id, story_id) SELECT DISTINCT unnest($1::bigint[]), $2::bigint ON CONFLICT DO NOTHING`,
      [[...topicIds], storyId],
    );
    return result.rowCount ?? 0;
  };

  return {
    async knownKeys(keys) {
      const unique = [...new Set(keys)];
      const { rows } = await db.query<{ key: string; id: number }>(
        `SELECT key, id FROM stories WHERE key = ANY ($1::text[])`,
        [unique],
      );
      const ids = new Map(rows.map((row) => [row.key, row.id]));
      return new Map(unique.filter((key) => ids.has(key)).map((key) => [key, ids.get(key)!]));
    },
    add: (story) => db.transaction(() => add(story)),
    addTopics,
    async topicIdsOf(storyId) {
      const { rows } = await db.query<{ topic_id: number }>(
        `SELECT topic_id FROM story_topics WHERE story_id = $1 ORDER BY topic_id`,
        [storyId],
      );
      return rows.map((row) => row.topic_id);
    },
    async matchText(storyId) {
      const story = await db.query<StoryRow>(`SELECT * FROM stories WHERE id = $1`, [storyId]);
      const row = story.rows[0];
      if (!row) return null;
      const quotes = await db.query<{ text: string }>(`SELECT text FROM quotes WHERE story_id = $1 ORDER BY position`, [
        storyId,
      ]);
      return { headline: row.headline, standfirst: row.standfirst, quotes: quotes.rows.map((quote) => quote.text) };
    },
    get,
    latest: async (topicIds, limit) => getMany(await latestStoryIds(db, topicIds, limit)),
    async clusterSources(clusterId, exceptStoryId) {
      const own = await db.query<{ source: string }>(`SELECT source FROM stories WHERE id = $1`, [exceptStoryId]);
      const { rows } = await db.query<{ source: string }>(
        `SELECT source FROM stories WHERE cluster_id = $1 AND id != $2 ORDER BY id`,
        [clusterId, exceptStoryId],
      );
      // The other outlets in the order they carried it, each once, without the story's own.
      const sources = new Set(rows.map((row) => row.source));
      if (own.rows[0]) sources.delete(own.rows[0].source);
      return [...sources];
    },
  };
}
