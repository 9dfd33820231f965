import type { AuditLog } from '../../core/ports.js';
import { auditEntryFromRow, type AuditRow } from '../audit-log.js';
import { nowIso } from '../rows.js';
import type { PgPool } from './connect.js';
import { pgDb } from './pg-db.js';

/** The audit log over PostgreSQL: newest first by id, as the SQLite one. */
export function createPgAuditLog(pool: PgPool): AuditLog {
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
      return rows.map(auditEntryFromRow);
    },
  };
}
