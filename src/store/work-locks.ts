import type { WorkLocks } from '../core/work-locks.js';

/** WorkLocks for one process (SQLite): a name is held while its work runs in this process. */
export function createLocalWorkLocks(): WorkLocks {
  const held = new Set<string>();
  return {
    async tryWith(name, work) {
      if (held.has(name)) return { ran: false };
      held.add(name);
      try {
        return { ran: true, value: await work() };
      } finally {
        held.delete(name);
      }
    },
  };
}
