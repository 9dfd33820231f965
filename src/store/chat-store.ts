import type { Chat, ChatKind, Platform } from '../core/domain.js';
import type { ChatStore } from '../core/ports.js';
import type { Db } from './database.js';
import { asyncStore } from './sqlite-db.js';
import { nowIso } from './rows.js';

export interface ChatRow {
  id: string;
  platform: string;
  kind: string;
  community_id: string | null;
  title: string | null;
  timezone: string | null;
  paused_at: string | null;
  paused_reason: string | null;
}

export const toChat = (row: ChatRow): Chat => ({
  id: row.id,
  platform: row.platform as Platform,
  kind: row.kind as ChatKind,
  communityId: row.community_id,
  title: row.title,
  timezone: row.timezone,
  pausedAt: row.paused_at,
  pausedReason: row.paused_reason,
});

export function createChatStore(db: Db): ChatStore {
  const statements = {
    upsert: db.prepare(
      `INSERT INTO chats (id, platform, kind, community_id, title, created_at)
       VALUES (@id, @platform, @kind, @communityId, @title, @createdAt)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, community_id = excluded.community_id,
         title = coalesce(excluded.title, chats.title)`,
    ),
    get: db.prepare<[string], ChatRow>(`SELECT * FROM chats WHERE id = ?`),
    timezone: db.prepare<[string, string]>(`UPDATE chats SET timezone = ? WHERE id = ?`),
    pause: db.prepare<[string, string, string]>(`UPDATE chats SET paused_at = ?, paused_reason = ? WHERE id = ?`),
    resume: db.prepare<[string]>(`UPDATE chats SET paused_at = NULL, paused_reason = NULL WHERE id = ?`),
    rename: db.prepare<[string, string]>(`UPDATE chats SET id = ? WHERE id = ?`),
  };
  const get = (id: string): Chat | null => {
    const row = statements.get.get(id);
    return row ? toChat(row) : null;
  };
  return asyncStore<ChatStore>(db, {
    ensure(ref) {
      statements.upsert.run({
        id: ref.id,
        platform: ref.platform,
        kind: ref.kind,
        communityId: ref.communityId,
        title: ref.title ?? null,
        createdAt: nowIso(),
      });
      return get(ref.id)!;
    },
    get,
    setTimezone(id, timezone) {
      statements.timezone.run(timezone, id);
    },
    pause(id, reason, at) {
      statements.pause.run(at.toISOString(), reason, id);
    },
    resume(id) {
      statements.resume.run(id);
    },
    rename(oldId, newId) {
      // ON UPDATE CASCADE carries subscriptions, deliveries and the outbox along.
      db.transaction(() => {
        if (get(newId)) {
          db.prepare(`UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?`).run(newId, oldId);
          db.prepare(`UPDATE OR IGNORE deliveries SET chat_id = ? WHERE chat_id = ?`).run(newId, oldId);
          db.prepare(`UPDATE outbox SET chat_id = ? WHERE chat_id = ?`).run(newId, oldId);
          db.prepare(`DELETE FROM chats WHERE id = ?`).run(oldId);
        } else {
          statements.rename.run(newId, oldId);
        }
      })();
    },
  });
}
