import type { AuditEntry } from '../../core/domain.js';
import type { AuditLog } from '../../core/ports.js';
import { nowIso } from '../rows.js';
import type { Async } from './async-port.js';
import type { PgPool } from './connect.js';
import { pgDb } from './pg-db.js';

interface AuditRow {
  at: string;
  actor_id: string;
  community_id: string | null;
  chat_id: string | null;
  action: string;
  detail: string;
}

/** The audit log over PostgreSQL: newest first by id, as the SQLite one. */
export function createPgAuditLog(pool: PgPool): Async<AuditLog> {
  const db = pgDb(pool);
  return {
    async record(entry) {
      await db.query(
        `INSERT INTO audit_log (at, actor_id, community_id, chat_id, action, detail) VALUES ($1, $2, $3, $4, $5, $6)`,
        [entry.at ?? nowIso(), entry.actorId, entry.communityId, entry.chatId, entry.action, entry.detail],
      );
    },
    async list(options = {}) {
      const limit = options.limit ?? 50;
      const { rows } =
        options.communityId === undefined
          ? await db.query<AuditRow>(`SELECT * FROM audit_log ORDER BY id DESC LIMIT $1`, [limit])
          : await db.query<AuditRow>(
              `SELECT * FROM audit_log WHERE community_id IS NOT DISTINCT FROM $1 ORDER BY id DESC LIMIT $2`,
              [options.communityId, limit],
            );
      return rows.map((row): AuditEntry => ({
        at: row.at,
        actorId: row.actor_id,
        communityId: row.community_id,
        chatId: row.chat_id,
        action: row.action,
        detail: row.detail,
      }));
    },
  };
}
