import type { DeliveryControl } from '../core/digest/outbox-port.js';
import type { Db } from './database.js';

/** Pauses and resumes a chat's deliveries: the chat row and its outbox change together. */
export function createDeliveryControl(db: Db): DeliveryControl {
  const statements = {
    pause: db.prepare<[string, string, string]>(`UPDATE chats SET paused_at = ?, paused_reason = ? WHERE id = ?`),
    resume: db.prepare<[string]>(`UPDATE chats SET paused_at = NULL, paused_reason = NULL WHERE id = ?`),
    hold: db.prepare<[string]>(`UPDATE outbox SET status = 'held' WHERE chat_id = ? AND status = 'pending'`),
    release: db.prepare<[string, string]>(
      `UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE chat_id = ? AND status = 'held'`,
    ),
  };
  // Each is one synchronous SQLite transaction; the async method only wraps its result.
  const pause = db.transaction((chatId: string, reason: string, at: Date) => {
    statements.pause.run(at.toISOString(), reason, chatId);
    return { held: statements.hold.run(chatId).changes };
  });
  const resume = db.transaction((chatId: string, at: Date) => {
    statements.resume.run(chatId);
    return { released: statements.release.run(at.toISOString(), chatId).changes };
  });
  return {
    pause: async (chatId, reason, at) => pause(chatId, reason, at),
    resume: async (chatId, at) => resume(chatId, at),
  };
}
