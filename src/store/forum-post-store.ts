import type { Db } from './database.js';

/** Links kept this long: titles carry the digest's date, so older ones are never asked for again. */
const KEEP_DAYS = 2;

/**
 * The Discord forum post a digest opened in a forum channel, by channel and post title: its
 * later parts go into that post, also after a restart (the messenger's ForumPostLinks).
 */
export function createForumPostStore(db: Db) {
  const statements = {
    get: db.prepare<[string, string], { thread_id: string }>(
      `SELECT thread_id FROM forum_posts WHERE channel_id = ? AND title = ?`,
    ),
    save: db.prepare<[string, string, string, string]>(
      `INSERT INTO forum_posts (channel_id, title, thread_id, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (channel_id, title) DO UPDATE SET thread_id = excluded.thread_id, created_at = excluded.created_at`,
    ),
    prune: db.prepare<[string]>(`DELETE FROM forum_posts WHERE created_at < ?`),
  };
  return {
    get: async (channelId: string, title: string): Promise<string | null> =>
      statements.get.get(channelId, title)?.thread_id ?? null,
    async save(channelId: string, title: string, threadId: string, at: Date): Promise<void> {
      statements.save.run(channelId, title, threadId, at.toISOString());
      statements.prune.run(new Date(at.getTime() - KEEP_DAYS * 86_400_000).toISOString());
    },
  };
}
