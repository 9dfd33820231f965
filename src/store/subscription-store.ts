import { DEFAULT_STYLE, type Platform, type Subscription, type SubscriptionStyle } from '../core/domain.js';
import { bool, nowIso } from './rows.js';
import type { DueSubscription, SubscriptionStore } from '../core/ports.js';
import type { Db } from './database.js';
import { asyncStore, sqliteDb } from './sqlite-db.js';

export interface SubscriptionRow {
  id: number;
  chat_id: string;
  topic_id: number;
  schedule: string;
  timezone: string;
  cap: number;
  watermark: number;
  next_run_at: string | null;
  created_at: string;
  format: string;
  quotes: number;
  previews: number | boolean;
  silent: number | boolean;
  images: number | boolean;
  mention_role_id: string | null;
}

export interface DueRow extends SubscriptionRow {
  topic_slug: string;
  topic_name: string;
  chat_platform: string;
  chat_paused_at: string | null;
}

/** Due subscriptions read per page: a page's rows are garbage once the caller moved past them. */
export const DUE_PAGE = 1000;

/** A due row as the port's DueSubscription: shared by the SQLite and PostgreSQL stores. */
export const toDueSubscription = (row: DueRow): DueSubscription => ({
  ...toSubscription(row),
  topic: { slug: row.topic_slug, name: row.topic_name },
  chat: { platform: row.chat_platform as Platform, pausedAt: row.chat_paused_at },
});

export const toSubscription = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  chatId: row.chat_id,
  topicId: row.topic_id,
  schedule: row.schedule,
  timezone: row.timezone,
  cap: row.cap,
  watermark: row.watermark,
  nextRunAt: row.next_run_at,
  createdAt: row.created_at,
  style: {
    format: row.format === 'compact' ? 'compact' : 'full',
    quotes: row.quotes,
    previews: bool(row.previews),
    silent: bool(row.silent),
    images: bool(row.images),
    mentionRoleId: row.mention_role_id,
  },
});

const styleColumns = (style: SubscriptionStyle) => ({
  format: style.format,
  quotes: style.quotes,
  previews: style.previews ? 1 : 0,
  silent: style.silent ? 1 : 0,
  images: style.images ? 1 : 0,
  mentionRoleId: style.mentionRoleId,
});

export function createSubscriptionStore(db: Db): SubscriptionStore {
  const statements = {
    find: db.prepare<[string, number], SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE chat_id = ? AND topic_id = ?`,
    ),
    forChat: db.prepare<[string], SubscriptionRow>(
      `SELECT subscriptions.* FROM subscriptions JOIN topics ON topics.id = subscriptions.topic_id
       WHERE chat_id = ? ORDER BY topics.slug, subscriptions.id`,
    ),
    insert: db.prepare(
      `INSERT INTO subscriptions (chat_id, topic_id, schedule, timezone, cap, watermark, next_run_at, created_at,
         format, quotes, previews, silent, images, mention_role_id)
       VALUES (@chatId, @topicId, @schedule, @timezone, @cap, coalesce((SELECT max(id) FROM stories), 0), @nextRunAt,
         @createdAt, @format, @quotes, @previews, @silent, @images, @mentionRoleId)`,
    ),
    update: db.prepare(
      `UPDATE subscriptions SET schedule = @schedule, timezone = @timezone, cap = @cap, next_run_at = @nextRunAt,
         format = @format, quotes = @quotes, previews = @previews, silent = @silent, images = @images,
         mention_role_id = @mentionRoleId
       WHERE chat_id = @chatId AND topic_id = @topicId`,
    ),
    remove: db.prepare<[string, number]>(`DELETE FROM subscriptions WHERE chat_id = ? AND topic_id = ?`),
    // The range on the indexed next_run_at (with the rowid, the id): a tick reads what is due, not
    // what exists, one page after the last (next run, id) seen.
    due: db.prepare<
      [{ now: string; platforms: string | null; afterRun: string; afterId: number; limit: number }],
      DueRow
    >(
      `SELECT subscriptions.*, topics.slug AS topic_slug, topics.name AS topic_name,
         chats.platform AS chat_platform, chats.paused_at AS chat_paused_at
       FROM subscriptions
       JOIN topics ON topics.id = subscriptions.topic_id
       JOIN chats ON chats.id = subscriptions.chat_id
       WHERE subscriptions.next_run_at <= @now
         AND (subscriptions.next_run_at, subscriptions.id) > (@afterRun, @afterId)
         AND (@platforms IS NULL OR chats.platform IN (SELECT value FROM json_each(@platforms)))
       ORDER BY subscriptions.next_run_at, subscriptions.id LIMIT @limit`,
    ),
    setNextRun: db.prepare<[string | null, number]>(`UPDATE subscriptions SET next_run_at = ? WHERE id = ?`),
    inZone: db.prepare<[string, string], SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE chat_id = ? AND timezone = ?`,
    ),
    retime: db.prepare<[string, string | null, number]>(
      `UPDATE subscriptions SET timezone = ?, next_run_at = ? WHERE id = ?`,
    ),
  };

  const find = (chatId: string, topicId: number): Subscription | null => {
    const row = statements.find.get(chatId, topicId);
    return row ? toSubscription(row) : null;
  };

  const { run } = sqliteDb(db);
  const methods = asyncStore<Omit<SubscriptionStore, 'due'>>(db, {
    save(input) {
      return db.transaction(() => {
        const existing = find(input.chatId, input.topicId);
        const { style, ...fields } = input;
        const columns = styleColumns(style ?? existing?.style ?? DEFAULT_STYLE);
        if (existing) statements.update.run({ ...fields, ...columns });
        else statements.insert.run({ ...fields, ...columns, createdAt: nowIso() });
        return { subscription: find(input.chatId, input.topicId)!, created: !existing };
      })();
    },
    find,
    listForChat(chatId) {
      return statements.forChat.all(chatId).map(toSubscription);
    },
    remove(chatId, topicId) {
      return statements.remove.run(chatId, topicId).changes > 0;
    },
    setNextRun(id, nextRunAt) {
      statements.setNextRun.run(nextRunAt, id);
    },
    retime(chatId, from, to, nextRunAt) {
      return db.transaction(() => {
        const rows = statements.inZone.all(chatId, from).map(toSubscription);
        for (const subscription of rows)
          statements.retime.run(to, nextRunAt({ ...subscription, timezone: to }), subscription.id);
        return rows.length;
      })();
    },
  });
  return {
    ...methods,
    async *due(now, platforms, part) {
      const page = { now: now.toISOString(), platforms: platforms ? JSON.stringify(platforms) : null, limit: DUE_PAGE };
      let after = { afterRun: '', afterId: 0 };
      for (;;) {
        const rows = await run(() => statements.due.all({ ...page, ...after }));
        for (const row of rows)
          if (!part || chatPart(row.chat_id, part.of) === part.index) yield toDueSubscription(row);
        if (rows.length < DUE_PAGE) return;
        const last = rows[rows.length - 1]!;
        after = { afterRun: last.next_run_at!, afterId: last.id };
      }
    },
  };
}

/** The part (0 … of-1) a chat falls in: FNV-1a over its id (one process on SQLite rarely asks). */
function chatPart(chatId: string, of: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < chatId.length; index++) hash = Math.imul(hash ^ chatId.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % of;
}
