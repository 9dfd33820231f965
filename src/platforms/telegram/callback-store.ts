/**
 * Inline-keyboard buttons carry the command line they run as callback data. Telegram allows 64
 * bytes of it; a longer line is kept here under a short key. Keys live in memory: after a
 * restart such a button answers that it has expired, which is the honest thing to do.
 */
export interface CallbackStore {
  /** Callback data for a command line: the line itself when it fits, else a short key. */
  dataFor(command: string): string;
  /** The command line a button carries, or null when unknown or expired. */
  commandFor(data: string): string | null;
}

const MAX_BYTES = 64;

export function createCallbackStore(capacity = 2000): CallbackStore {
  const lines = new Map<string, string>();
  let counter = 0;
  return {
    dataFor(command) {
      if (command.startsWith('/') && Buffer.byteLength(command, 'utf8') <= MAX_BYTES) return command;
      const key = `~${(counter++).toString(36)}`;
      lines.set(key, command);
      if (lines.size > capacity) lines.delete(lines.keys().next().value!);
      return key;
    },
    commandFor(data) {
      if (data.startsWith('/')) return data;
      return lines.get(data) ?? null;
    },
  };
}
