import type { PgPool } from './connect.js';

/**
 * Claims through the schema's own due times, no claim columns (issue 12's groundwork): a process
 * takes a due feed by moving its next_poll_at a lease ahead, in the statement that selects it
 * (FOR UPDATE SKIP LOCKED: concurrent claimers skip each other's rows instead of waiting). The
 * poll then sets the real next time; a process killed mid-poll leaves the lease, and the feed is
 * due again when it ends. subscriptions.next_run_at and outbox.next_attempt_at lend themselves to
 * the same pattern (the outbox per chat, for order) once the store ports are asynchronous.
 */
export interface FeedClaim {
  id: number;
  url: string;
}

export async function claimDueFeeds(
  pool: PgPool,
  options: { limit: number; leaseMs: number; now?: Date },
): Promise<FeedClaim[]> {
  const now = options.now ?? new Date();
  const { rows } = await pool.query<FeedClaim>(
    `WITH due AS (
       SELECT id FROM feeds
       WHERE enabled AND (next_poll_at IS NULL OR next_poll_at <= $1)
       ORDER BY next_poll_at NULLS FIRST, id
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     )
     UPDATE feeds SET next_poll_at = $2 FROM due WHERE feeds.id = due.id
     RETURNING feeds.id, feeds.url`,
    [now.toISOString(), new Date(now.getTime() + options.leaseMs).toISOString(), options.limit],
  );
  return rows;
}
