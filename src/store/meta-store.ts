import type { Db } from './database.js';
import { asyncStore } from './sqlite-db.js';

/** Small key/value facts about the database itself (catalogue hash, registered command hash). */
export interface MetaStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

export function createMetaStore(db: Db): MetaStore {
  const get = db.prepare<[string], { value: string }>(`SELECT value FROM meta WHERE key = ?`);
  const set = db.prepare<[string, string]>(
    `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  return asyncStore<MetaStore>(db, {
    get: (key) => get.get(key)?.value ?? null,
    set: (key, value) => void set.run(key, value),
  });
}
