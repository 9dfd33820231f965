/**
 * Named locks over every process of the bot, for work that one process at a time should do (one
 * part of the due digests). A lock is held only while its work runs, and frees itself when the
 * holder dies (PostgreSQL: a session advisory lock, freed when its connection closes).
 */
export interface WorkLocks {
  /**
   * Runs `work` holding the lock `name` when no process holds it: `{ ran: true, value }`; when
   * another does, runs nothing: `{ ran: false }`. A throw from `work` releases the lock and is
   * passed on.
   */
  tryWith<T>(name: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

/** How the work is shared: the locks, and how many parts the due digests are cut into. */
export interface WorkSharing {
  locks: WorkLocks;
  /** 1 with one process (SQLite); more with several, so that they plan different chats at once. */
  digestParts: number;
}
