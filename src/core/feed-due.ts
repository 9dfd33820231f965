import type { Feed } from './domain.js';

/**
 * An enabled feed is due when it was never scheduled or its next poll time has come. One rule for
 * the poll job and for the app's check that decides whether ingestion needs loading at all.
 */
export const isFeedDue = (feed: Feed, nowIso: string): boolean =>
  feed.enabled && (feed.nextPollAt === null || feed.nextPollAt <= nowIso);
