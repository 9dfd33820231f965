import { DEFAULT_STYLE, type SubscriptionStyle } from '../../core/domain.js';
import type { SubscriptionStore } from '../../core/ports.js';
import { nowIso } from '../rows.js';
import {
  DUE_PAGE,
  toDueSubscription,
  toSubscription,
  type DueRow,
  type SubscriptionRow,
} from '../subscription-store.js';
import type { PgPool } from './connect.js';
import { pgDb } from './pg-db.js';

/** A style as the subscriptions columns format, quotes, previews, silent, images, mention_role_id. */
const styleColumns = (style: SubscriptionStyle) => [
  style.format,
  style.quotes,
  style.previews,
  style.silent,
  style.images,
  style.mentionRoleId,
];

/** Subscriptions over PostgreSQL. */
export function createPgSubscriptionStore(pool: PgPool): SubscriptionStore {
  const db = pgDb(pool);
  const find = async (chatId: string, topicId: number) => {
    const { rows } = await db.query<SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE chat_id = $1 AND topic_id = $2`,
      [chatId, topicId],
    );
    return rows[0] ? toSubscription(rows[0]) : null;
  };
  return {
    save(input) {
      const change = [input.schedule, input.timezone, input.cap, input.nextRunAt, input.chatId, input.topicId];
      return db.transaction(async () => {
        // Insert-or-update without a race: a concurrent save of the same pair waits on the key, then updates.
        const inserted = await db.query<SubscriptionRow>(
          `INSERT INTO subscriptions (schedule, timezone, cap, next_run_at, chat_id, topic_id, watermark, created_at,
             format, quotes, previews, silent, images, mention_role_id)
           VALUES ($1, $2, $3, $4, $5, $6, coalesce((SELECT max(id) FROM stories), 0), $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (chat_id, topic_id) DO NOTHING RETURNING *`,
          [...change, nowIso(), ...styleColumns(input.style ?? DEFAULT_STYLE)],
        );
        if (inserted.rows[0]) return { subscription: toSubscription(inserted.rows[0]), created: true };
        // An existing subscription saved without a style keeps its own, as in SQLite.
        const updated = await db.query<SubscriptionRow>(
          input.style
            ? `UPDATE subscriptions SET schedule = $1, timezone = $2, cap = $3, next_run_at = $4, format = $7,
                 quotes = $8, previews = $9, silent = $10, images = $11, mention_role_id = $12
               WHERE chat_id = $5 AND topic_id = $6 RETURNING *`
            : `UPDATE subscriptions SET schedule = $1, timezone = $2, cap = $3, next_run_at = $4
               WHERE chat_id = $5 AND topic_id = $6 RETURNING *`,
          input.style ? [...change, ...styleColumns(input.style)] : change,
        );
        return { subscription: toSubscription(updated.rows[0]!), created: false };
      });
    },
    find,
    async listForChat(chatId) {
      const { rows } = await db.query<SubscriptionRow>(
        `SELECT subscriptions.* FROM subscriptions JOIN topics ON topics.id = subscriptions.topic_id
         WHERE chat_id = $1 ORDER BY topics.slug COLLATE "C", subscriptions.id`,
        [chatId],
      );
      return rows.map(toSubscription);
    },
    async remove(chatId, topicId) {
      const result = await db.query(`DELETE FROM subscriptions WHERE chat_id = $1 AND topic_id = $2`, [
        chatId,
        topicId,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    // Pages after the last (next run, id) seen, an index range each (subscriptions_due): a cursor
    // would hold a connection for the whole run.
    async *due(now, platforms, part) {
      let after: [string, number] = ['-infinity', 0];
      for (;;) {
        const { rows } = await db.query<DueRow>(
          `SELECT subscriptions.*, topics.slug AS topic_slug, topics.name AS topic_name,
             chats.platform AS chat_platform, chats.paused_at AS chat_paused_at
           FROM subscriptions
           JOIN topics ON topics.id = subscriptions.topic_id
           JOIN chats ON chats.id = subscriptions.chat_id
           WHERE subscriptions.next_run_at <= $1 AND (subscriptions.next_run_at, subscriptions.id) > ($3, $4)
             AND ($2::text[] IS NULL OR chats.platform = ANY ($2::text[]))
             AND ($6::int IS NULL OR (hashtext(subscriptions.chat_id) & 2147483647) % $6::int = $7::int)
           ORDER BY subscriptions.next_run_at, subscriptions.id LIMIT $5`,
          [
            now.toISOString(),
            platforms ? [...platforms] : null,
            ...after,
            DUE_PAGE,
            part?.of ?? null,
            part?.index ?? 0,
          ],
        );
        for (const row of rows) yield toDueSubscription(row);
        if (rows.length < DUE_PAGE) return;
        const last = rows[rows.length - 1]!;
        after = [last.next_run_at!, last.id];
      }
    },
    async setNextRun(id, nextRunAt) {
      await db.query(`UPDATE subscriptions SET next_run_at = $1 WHERE id = $2`, [nextRunAt, id]);
    },
    retime(chatId, from, to, nextRunAt) {
      return db.transaction(async () => {
        const { rows } = await db.query<SubscriptionRow>(
          `SELECT * FROM subscriptions WHERE chat_id = $1 AND timezone = $2 ORDER BY id FOR UPDATE`,
          [chatId, from],
        );
        for (const subscription of rows.map(toSubscription)) {
          await db.query(`UPDATE subscriptions SET timezone = $1, next_run_at = $2 WHERE id = $3`, [
            to,
            nextRunAt({ ...subscription, timezone: to }),
            subscription.id,
          ]);
        }
        return rows.length;
      });
    },
  };
}
