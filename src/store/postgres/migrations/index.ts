import type { PgMigration } from '../migrate.js';
import { initialSchema } from './001-initial.js';
import { storyLeadImages } from './002-story-lead-images.js';
import { subscriptionFormat } from './003-subscription-format.js';
import { personalTopics } from './004-personal-topics.js';
import { dueKeyset } from './005-due-keyset.js';
import { outboxChatLeases } from './006-outbox-chat-leases.js';
import { outboxLeaseIndexes } from './007-outbox-lease-indexes.js';

/** Append-only, PostgreSQL's own list: the position in it is the version in schema_migrations. */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  initialSchema,
  storyLeadImages,
  subscriptionFormat,
  personalTopics,
  dueKeyset,
  outboxChatLeases,
  outboxLeaseIndexes,
];
