import type { Migration } from '../database.js';
import { initialSchema } from './001-initial.js';

/** Append-only: the position in this list is the schema version (PRAGMA user_version). */
export const MIGRATIONS: readonly Migration[] = [initialSchema];
