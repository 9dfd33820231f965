import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/store/database.js';

/**
 * Stories written straight into the schema with SQL, so digest tests need not wait for
 * ingestion: a story with its topics, cluster and key quotes.
 */

export interface StoryFixture {
  topicIds: number[];
  headline?: string;
  source?: string;
  url?: string | null;
  publishedAt?: string | null;
  arrivedAt?: string;
  clusterId?: number | null;
  /** False for items of a feed's first poll. */
  eligible?: boolean;
  /** Key quotes, best first (key_rank 1, 2, 3). */
  keyQuotes?: { text: string; speaker: string | null }[];
}

let counter = 0;

export function insertStory(db: Db, fixture: StoryFixture): number {
  counter++;
  const headline = fixture.headline ?? `Story ${counter}`;
  const arrivedAt = fixture.arrivedAt ?? new Date(Date.UTC(2025, 2, 3, 6, 0) + counter * 60_000).toISOString();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO stories (key, url, headline, normalized_headline, source, published_at, arrived_at, eligible_for_digest, cluster_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      randomUUID(),
      fixture.url === undefined ? `https://news.example/${counter}` : fixture.url,
      headline,
      headline.toLowerCase(),
      fixture.source ?? 'Example News',
      fixture.publishedAt === undefined ? arrivedAt : fixture.publishedAt,
      arrivedAt,
      fixture.eligible === false ? 0 : 1,
      fixture.clusterId ?? null,
    );
  const id = Number(lastInsertRowid);
  const topic = db.prepare(`INSERT INTO story_topics (topic_id, story_id) VALUES (?, ?)`);
  for (const topicId of fixture.topicIds) topic.run(topicId, id);
  const quote = db.prepare(
    `INSERT INTO quotes (story_id, position, text, speaker, paragraph, key_rank) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  (fixture.keyQuotes ?? []).forEach((keyQuote, index) =>
    quote.run(id, index, keyQuote.text, keyQuote.speaker, index, index + 1),
  );
  return id;
}

export function insertCluster(db: Db): number {
  return Number(
    db.prepare(`INSERT INTO story_clusters (created_at) VALUES (?)`).run(new Date().toISOString()).lastInsertRowid,
  );
}

export function insertTopic(db: Db, slug: string, communityId: string | null = null): number {
  return Number(
    db
      .prepare(`INSERT INTO topics (slug, name, community_id, created_at) VALUES (?, ?, ?, ?)`)
      .run(slug, slug[0]!.toUpperCase() + slug.slice(1), communityId, new Date().toISOString()).lastInsertRowid,
  );
}
