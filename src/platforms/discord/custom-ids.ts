/**
 * Choice buttons carry the command line they run in their custom_id (at most 100 characters);
 * a longer line is kept here under a short key. Keys live in memory: after a restart such a
 * button answers that it has expired.
 */
export interface CustomIdStore {
  idFor(command: string): string;
  /** The command line a button runs; null when the id is not ours or has expired. */
  commandFor(customId: string): string | null;
}

const PREFIX = 'nb:';
const MAX = 100;

export function createCustomIdStore(capacity = 2000): CustomIdStore {
  const lines = new Map<string, string>();
  let counter = 0;
  return {
    idFor(command) {
      if (command.startsWith('/') && PREFIX.length + command.length <= MAX) return `${PREFIX}${command}`;
      const key = `${PREFIX}~${(counter++).toString(36)}`;
      lines.set(key, command);
      if (lines.size > capacity) lines.delete(lines.keys().next().value!);
      return key;
    },
    commandFor(customId) {
      if (!customId.startsWith(PREFIX)) return null;
      const rest = customId.slice(PREFIX.length);
      return rest.startsWith('/') ? rest : (lines.get(customId) ?? null);
    },
  };
}
