import {
  CLUSTER_WINDOW_MS,
  eventTime,
  HEADLINE_SIMILARITY,
  headlineTokens,
  MIN_HEADLINE_TOKENS,
  similarHeadlines,
} from '../story-clusters.js';
import { CANDIDATE_COLUMNS, mostSharedIds, PER_TOKEN, type Candidate, type ClusterProbe } from '../cluster-finder.js';
import type { PgDb } from './pg-db.js';

/**
 * src/store/cluster-finder.ts over PostgreSQL, the same rule step by step: a shared quotation
 * first, then a near-identical headline, within 48 hours. Runs inside the transaction that stored
 * the story. A cluster another process opened for the same match meanwhile is joined, not split.
 */
export function createPgClusterFinder(db: PgDb) {
  const sharingTokens = async (tokens: readonly string[], need: number, minId: number, exceptId: number) => {
    const perToken: number[][] = [];
    for (const token of tokens) {
      const { rows } = await db.query<{ story_id: number }>(
        `SELECT story_id FROM headline_tokens WHERE token = $1 AND story_id >= $2 AND story_id != $3
         ORDER BY story_id DESC LIMIT $4`,
        [token, minId, exceptId, PER_TOKEN + 1],
      );
      perToken.push(rows.map((row) => row.story_id));
    }
    const ids = mostSharedIds(perToken, need);
    if (ids.length === 0) return [];
    const { rows } = await db.query<Candidate>(
      `SELECT ${CANDIDATE_COLUMNS} FROM stories s WHERE s.id = ANY ($1::bigint[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((candidate) => candidate !== undefined);
  };

  const findMatch = async (probe: ClusterProbe, tokens: Set<string>): Promise<Candidate | null> => {
    const time = eventTime(probe.publishedAt, probe.arrivedAt);
    const near = (candidate: Candidate): boolean =>
      Math.abs(eventTime(candidate.published_at, candidate.arrived_at) - time) <= CLUSTER_WINDOW_MS;
    for (const quote of probe.normalizedQuotes) {
      const { rows } = await db.query<Candidate>(
        `SELECT ${CANDIDATE_COLUMNS} FROM quotes q JOIN stories s ON s.id = q.story_id
         WHERE q.normalized_text = $1 AND q.story_id != $2 ORDER BY s.id DESC LIMIT 20`,
        [quote, probe.id],
      );
      const match = rows.find(near);
      if (match) return match;
    }
    if (tokens.size < MIN_HEADLINE_TOKENS) return null;
    const first = await db.query<{ id: number | null }>(`SELECT min(id) AS id FROM stories WHERE arrived_at >= $1`, [
      new Date(time - CLUSTER_WINDOW_MS).toISOString(),
    ]);
    const minId = first.rows[0]?.id ?? probe.id;
    // Similarity ≥ 0.8 needs at least 80% of this headline's words in common.
    const need = Math.ceil(tokens.size * HEADLINE_SIMILARITY);
    const candidates = await sharingTokens([...tokens], need, minId, probe.id);
    return (
      candidates.find(
        (candidate) => near(candidate) && similarHeadlines(tokens, headlineTokens(candidate.normalized_headline)),
      ) ?? null
    );
  };

  return {
    /** Indexes the story's headline and returns the cluster it joined, or null when it stands alone. */
    async assign(probe: ClusterProbe, now: string): Promise<number | null> {
      const tokens = headlineTokens(probe.normalizedHeadline);
      if (tokens.size > 0) {
        await db.query(
          `INSERT INTO headline_tokens (token, story_id) SELECT unnest($1::text[]), $2::bigint ON CONFLICT DO NOTHING`,
          [[...tokens], probe.id],
        );
      }
      const match = await findMatch(probe, tokens);
      if (!match) return null;
      let clusterId = match.cluster_id;
      if (clusterId === null) {
        const created = await db.query<{ id: number }>(
          `INSERT INTO story_clusters (created_at) VALUES ($1) RETURNING id`,
          [now],
        );
        clusterId = created.rows[0]!.id;
        // Only if still alone: a process that clustered the match meanwhile wins, and this story joins it.
        const set = await db.query(`UPDATE stories SET cluster_id = $1 WHERE id = $2 AND cluster_id IS NULL`, [
          clusterId,
          match.id,
        ]);
        if (set.rowCount === 0) {
          await db.query(`DELETE FROM story_clusters WHERE id = $1`, [clusterId]);
          const current = await db.query<{ cluster_id: number }>(`SELECT cluster_id FROM stories WHERE id = $1`, [
            match.id,
          ]);
          clusterId = current.rows[0]!.cluster_id;
        }
      }
      await db.query(`UPDATE stories SET cluster_id = $1 WHERE id = $2`, [clusterId, probe.id]);
      return clusterId;
    },
  };
}
