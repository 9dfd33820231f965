import type { AuditEntry } from '../core/domain.js';
import type { AuditLog } from '../core/ports.js';
import type { Db } from './database.js';
import { asyncStore } from './sqlite-db.js';
import { nowIso } from './rows.js';

export interface AuditRow {
  at: string;
  actor_id: string;
  community_id: string | null;
  chat_id: string | null;
  action: string;
  detail: string;
}

/** An audit_log row as an entry: shared by the SQLite and PostgreSQL logs. */
export function auditEntryFromRow(row: AuditRow): AuditEntry {
  return {
    at: row.at,
    actorId: row.actor_id,
    communityId: row.community_id,
    chatId: row.chat_id,
    action: row.action,
    detail: row.detail,
  };
}

export function createAuditLog(db: Db): AuditLog {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor_id, community_id, chat_id, action, detail)
     VALUES (@at, @actorId, @communityId, @chatId, @action, @detail)`,
  );
  return asyncStore<AuditLog>(db, {
    record(entry) {
      insert.run({ ...entry, at: entry.at ?? nowIso() });
    },
    list(options = {}) {
      const limit = options.limit ?? 50;
      const rows =
        options.communityId === undefined
          ? db.prepare<[number], AuditRow>(`SELECT * FROM audit_log ORDER BY id DESC LIMIT ?`).all(limit)
          : db
              .prepare<[string | null, number], AuditRow>(
                `SELECT * FROM audit_log WHERE community_id IS ? ORDER BY id DESC LIMIT ?`,
              )
              .all(options.communityId, limit);
      return rows.map(auditEntryFromRow);
    },
  });
}
