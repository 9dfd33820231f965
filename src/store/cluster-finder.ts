import type { Db } from './database.js';
import {
  CLUSTER_WINDOW_MS,
  eventTime,
  HEADLINE_SIMILARITY,
  headlineTokens,
  MIN_HEADLINE_TOKENS,
  similarHeadlines,
} from './story-clusters.js';

export interface Candidate {
  id: number;
  normalized_headline: string;
  cluster_id: number | null;
  published_at: string | null;
  arrived_at: string;
}

export interface ClusterProbe {
  id: number;
  normalizedHeadline: string;
  publishedAt: string | null;
  arrivedAt: string;
  normalizedQuotes: string[];
}

export const CANDIDATE_COLUMNS = 's.id, s.normalized_headline, s.cluster_id, s.published_at, s.arrived_at';
/** Most recent stories looked at per headline word: each word's lookup asks for one more, to see a cut. */
export const PER_TOKEN = 300;
/** Candidates whose headlines are compared in full. */
const VERIFIED = 20;

/**
 * The ids of recent stories sharing at least `need` of a headline's words, most shared first, at
 * most VERIFIED; `perToken` holds each word's most recent story ids (up to PER_TOKEN + 1). Each
 * word's list is cut at PER_TOKEN, so a common word ("says") costs no more than a rare one; a story
 * missing from a cut list is still found through the other words. Shared by both backends.
 */
export function mostSharedIds(perToken: readonly (readonly number[])[], need: number): number[] {
  const counts = new Map<number, number>();
  let cut = 0;
  for (const ids of perToken) {
    if (ids.length > PER_TOKEN) cut++;
    for (const id of ids.slice(0, PER_TOKEN)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const threshold = Math.max(1, need - cut);
  return [...counts]
    .filter(([, count]) => count >= threshold)
    .sort(([idA, countA], [idB, countB]) => countB - countA || idB - idA)
    .slice(0, VERIFIED)
    .map(([id]) => id);
}

/**
 * Puts a just-stored story into the cluster of an earlier story about the same event (a shared
 * quotation first, then a near-identical headline, within 48 hours), creating the cluster when
 * the earlier story had none. Both lookups go through indexes (quotes.normalized_text and
 * headline_tokens), so the cost does not grow with the number of stories. Must run inside the
 * transaction that stored the story.
 */
export function createClusterFinder(db: Db) {
  const statements = {
    byQuote: db.prepare<[string, number], Candidate>(
      `SELECT ${CANDIDATE_COLUMNS} FROM quotes q JOIN stories s ON s.id = q.story_id
       WHERE q.normalized_text = ? AND q.story_id != ? ORDER BY s.id DESC LIMIT 20`,
    ),
    firstSince: db.prepare<[string], { id: number | null }>(`SELECT min(id) AS id FROM stories WHERE arrived_at >= ?`),
    storiesWithToken: db.prepare<[string, number, number, number], { story_id: number }>(
      `SELECT story_id FROM headline_tokens WHERE token = ? AND story_id >= ? AND story_id != ? ORDER BY story_id DESC LIMIT ?`,
    ),
    candidate: db.prepare<[number], Candidate>(`SELECT ${CANDIDATE_COLUMNS} FROM stories s WHERE s.id = ?`),
    insertToken: db.prepare<[string, number]>(
      `INSERT INTO headline_tokens (token, story_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
    ),
    newCluster: db.prepare<[string]>(`INSERT INTO story_clusters (created_at) VALUES (?)`),
    setCluster: db.prepare<[number, number]>(`UPDATE stories SET cluster_id = ? WHERE id = ?`),
  };
  /** Recent stories sharing at least `need` of these headline words, most shared first (mostSharedIds). */
  const sharingTokens = (tokens: readonly string[], need: number, minId: number, exceptId: number): Candidate[] => {
    const perToken = tokens.map((token) =>
      statements.storiesWithToken.all(token, minId, exceptId, PER_TOKEN + 1).map((row) => row.story_id),
    );
    return mostSharedIds(perToken, need)
      .map((id) => statements.candidate.get(id))
      .filter((candidate): candidate is Candidate => candidate !== undefined);
  };

  const findMatch = (probe: ClusterProbe, tokens: Set<string>): Candidate | null => {
    const time = eventTime(probe.publishedAt, probe.arrivedAt);
    const near = (candidate: Candidate): boolean =>
      Math.abs(eventTime(candidate.published_at, candidate.arrived_at) - time) <= CLUSTER_WINDOW_MS;
    for (const quote of probe.normalizedQuotes) {
      const match = statements.byQuote.all(quote, probe.id).find(near);
      if (match) return match;
    }
    if (tokens.size < MIN_HEADLINE_TOKENS) return null;
    const minId = statements.firstSince.get(new Date(time - CLUSTER_WINDOW_MS).toISOString())?.id ?? probe.id;
    // Similarity ≥ 0.8 needs at least 80% of this headline's words in common.
    const need = Math.ceil(tokens.size * HEADLINE_SIMILARITY);
    return (
      sharingTokens([...tokens], need, minId, probe.id).find(
        (candidate) => near(candidate) && similarHeadlines(tokens, headlineTokens(candidate.normalized_headline)),
      ) ?? null
    );
  };

  return {
    /** Indexes the story's headline and returns the cluster it joined, or null when it stands alone. */
    assign(probe: ClusterProbe, now: string): number | null {
      const tokens = headlineTokens(probe.normalizedHeadline);
      for (const token of tokens) statements.insertToken.run(token, probe.id);
      const match = findMatch(probe, tokens);
      if (!match) return null;
      let clusterId = match.cluster_id;
      if (clusterId === null) {
        clusterId = Number(statements.newCluster.run(now).lastInsertRowid);
        statements.setCluster.run(clusterId, match.id);
      }
      statements.setCluster.run(clusterId, probe.id);
      return clusterId;
    },
  };
}
