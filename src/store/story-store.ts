import type { Quote, Story } from '../core/domain.js';
import type { NewStory, StoryStore } from '../core/story-port.js';
import { createClusterFinder } from './cluster-finder.js';
import type { Db } from './database.js';
import { asyncStore } from './sqlite-db.js';
import { bool, jsonArray, nowIso } from './rows.js';
import { createLatestStories } from './latest-stories.js';
import { normalizeHeadline, normalizeQuote } from './story-clusters.js';

export interface StoryRow {
  id: number;
  key: string;
  feed_id: number | null;
  url: string | null;
  headline: string;
  standfirst: string | null;
  byline: string | null;
  source: string;
  published_at: string | null;
  arrived_at: string;
  tags: string;
  image_url: string | null;
  enriched: number;
  eligible_for_digest: number;
  cluster_id: number | null;
}

interface QuoteRow {
  story_id: number;
  text: string;
  speaker: string | null;
  paragraph: number;
}

/** A stories row as a Story, with its key quotes (best first): shared by the SQLite and PostgreSQL stores. */
export function storyFromRow(row: StoryRow, keyQuotes: Quote[]): Story {
  return {
    id: row.id,
    key: row.key,
    feedId: row.feed_id ?? 0,
    url: row.url,
    headline: row.headline,
    standfirst: row.standfirst,
    byline: row.byline,
    source: row.source,
    publishedAt: row.published_at,
    arrivedAt: row.arrived_at,
    tags: jsonArray(row.tags),
    keyQuotes,
    imageUrl: row.image_url,
    enriched: bool(row.enriched),
    eligibleForDigest: bool(row.eligible_for_digest),
    clusterId: row.cluster_id,
  };
}

export function createStoryStore(db: Db): StoryStore {
  const clusters = createClusterFinder(db);
  const latestStories = createLatestStories(db);
  const statements = {
    byKey: db.prepare<[string], { id: number }>(`SELECT id FROM stories WHERE key = ?`),
    // The same feed's item under a new guid: same link, same headline (not only the link: some feeds
    // point every item at their front page).
    sameInFeed: db.prepare<[number, string, string], { id: number }>(
      `SELECT id FROM stories WHERE feed_id = ? AND url = ? AND normalized_headline = ? ORDER BY id DESC LIMIT 1`,
    ),
    get: db.prepare<[number], StoryRow>(`SELECT * FROM stories WHERE id = ?`),
    insert: db.prepare(
      `INSERT INTO stories (key, feed_id, url, headline, normalized_headline, standfirst, byline, source, published_at,
         arrived_at, tags, image_url, enriched, eligible_for_digest)
       VALUES (@key, @feedId, @url, @headline, @normalizedHeadline, @standfirst, @byline, @source, @publishedAt,
         @arrivedAt, @tags, @imageUrl, @enriched, @eligible)`,
    ),
    insertQuote: db.prepare(
      `INSERT INTO quotes (story_id, position, text, speaker, paragraph, key_rank, normalized_text)
       VALUES (@storyId, @position, @text, @speaker, @paragraph, @keyRank, @normalized)`,
    ),
    addTopic: db.prepare<[number, number]>(
      `INSERT INTO story_topics (topic_id, story_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
    ),
    topicsOf: db.prepare<[number], { topic_id: number }>(
      `SELECT topic_id FROM story_topics WHERE story_id = ? ORDER BY topic_id`,
    ),
    quoteTexts: db.prepare<[number], { text: string }>(`SELECT text FROM quotes WHERE story_id = ? ORDER BY position`),
    keyQuotes: db.prepare<[number], QuoteRow>(
      `SELECT story_id, text, speaker, paragraph FROM quotes WHERE story_id = ? AND key_rank IS NOT NULL ORDER BY key_rank`,
    ),
    source: db.prepare<[number], string>(`SELECT source FROM stories WHERE id = ?`).pluck(),
  };

  const toStory = (row: StoryRow): Story =>
    storyFromRow(
      row,
      statements.keyQuotes.all(row.id).map(({ text, speaker, paragraph }): Quote => ({ text, speaker, paragraph })),
    );

  const get = (id: number): Story | null => {
    const row = statements.get.get(id);
    return row ? toStory(row) : null;
  };

  const insertQuotes = (storyId: number, story: NewStory): string[] => {
    const rows = story.quotes.map((quote) => ({ ...quote, keyRank: null as number | null }));
    story.keyQuotes.slice(0, 3).forEach((key, index) => {
      const same = rows.find((row) => row.keyRank === null && row.text === key.text && row.paragraph === key.paragraph);
      if (same) same.keyRank = index + 1;
      else rows.push({ ...key, keyRank: index + 1 });
    });
    const normalized = rows.map((row, position) => {
      const text = normalizeQuote(row.text);
      statements.insertQuote.run({
        storyId,
        position,
        text: row.text,
        speaker: row.speaker,
        paragraph: row.paragraph,
        keyRank: row.keyRank,
        normalized: text,
      });
      return text;
    });
    return [...new Set(normalized.filter(Boolean))];
  };

  const add = db.transaction((story: NewStory): { story: Story; created: boolean } => {
    const normalizedHeadline = normalizeHeadline(story.headline, story.source);
    const existing =
      statements.byKey.get(story.key) ??
      (story.url ? statements.sameInFeed.get(story.feedId, story.url, normalizedHeadline) : undefined);
    if (existing) return { story: get(existing.id)!, created: false };
    const id = Number(
      statements.insert.run({
        ...story,
        normalizedHeadline,
        tags: JSON.stringify(story.tags),
        imageUrl: story.imageUrl ?? null,
        enriched: story.enriched ? 1 : 0,
        eligible: story.eligibleForDigest ? 1 : 0,
      }).lastInsertRowid,
    );
    const normalizedQuotes = insertQuotes(id, story);
    for (const topicId of new Set(story.topicIds)) statements.addTopic.run(topicId, id);
    clusters.assign(
      { id, normalizedHeadline, publishedAt: story.publishedAt, arrivedAt: story.arrivedAt, normalizedQuotes },
      nowIso(),
    );
    return { story: get(id)!, created: true };
  });

  return asyncStore<StoryStore>(db, {
    knownKeys(keys) {
      const known = new Map<string, number>();
      for (const key of new Set(keys)) {
        const row = statements.byKey.get(key);
        if (row) known.set(key, row.id);
      }
      return known;
    },
    add: (story) => add(story),
    addTopics: (storyId, topicIds) =>
      db.transaction(() =>
        [...new Set(topicIds)].reduce((added, topicId) => added + statements.addTopic.run(topicId, storyId).changes, 0),
      )(),
    topicIdsOf: (storyId) => statements.topicsOf.all(storyId).map((row) => row.topic_id),
    matchText(storyId) {
      const row = statements.get.get(storyId);
      if (!row) return null;
      return {
        headline: row.headline,
        standfirst: row.standfirst,
        quotes: statements.quoteTexts.all(storyId).map((quote) => quote.text),
      };
    },
    get,
    latest: (topicIds, limit) =>
      latestStories
        .latestIds(topicIds, limit)
        .map(get)
        .filter((story) => story !== null),
    clusterSources: (clusterId, exceptStoryId) =>
      latestStories.clusterSources(clusterId, exceptStoryId, statements.source.get(exceptStoryId)),
  });
}
