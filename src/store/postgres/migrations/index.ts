import type { PgMigration } from '../migrate.js';
import { initialSchema } from './001-initial.js';
import { personalTopics } from './005-personal-topics.js';

/** Append-only, PostgreSQL's own list: the position in it is the version in schema_migrations. */
export const PG_MIGRATIONS: readonly PgMigration[] = [initialSchema, personalTopics];
