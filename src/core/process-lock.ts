/**
 * A lock that one process at a time holds, over every process of the bot, and that frees itself
 * when its holder dies. Used so that exactly one process long-polls Telegram; the PostgreSQL
 * implementation (src/store/postgres/advisory-lock.ts) is a session advisory lock on a connection
 * of its own, so a killed holder's lock frees as soon as the server sees its connection close.
 */
export interface ProcessLock {
  /**
   * Takes the lock if it is free: a lease while this process holds it, or null when another
   * process does. Rejects when the lock's server cannot be reached (try again later).
   */
  tryTake(): Promise<LockLease | null>;
  /** Lets go of the lock (if held) and of its connection. */
  close(): Promise<void>;
}

export interface LockLease {
  /** Settles when the lock is gone: released, or lost with its connection (the holder must stop). */
  lost: Promise<void>;
  release(): Promise<void>;
}
