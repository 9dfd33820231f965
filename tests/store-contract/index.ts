import { describe } from 'vitest';
import { chatAuditMetaContract } from './chats-audit-meta-contract.js';
import { digestLedgerContract } from './digest-ledger-contract.js';
import { digestSourceContract } from './digest-source-contract.js';
import { outboxContract } from './outbox-contract.js';
import { personalTopicsContract } from './personal-topics-contract.js';
import { storyContract } from './stories-contract.js';
import { subscriptionStyleContract } from './subscription-style-contract.js';
import { subscriptionContract } from './subscriptions-contract.js';
import { topicAndFeedContract } from './topics-feeds-contract.js';
import type { StoresFactory } from './world.js';
import { workClaimsContract } from './work-claims-contract.js';

export type { StoreWorld, StoresFactory } from './world.js';

/**
 * The one behaviour every store backend must have (issue 12): each store, each method, the
 * digest ledger's all-or-nothing commits and batches, the outbox's claims. Run on SQLite by
 * tests/store/contract-sqlite.test.ts and on PostgreSQL by tests/scale/postgres/store-contract.test.ts.
 */
export function describeStoreContract(backend: string, factory: StoresFactory): void {
  describe(`the ${backend} stores`, () => {
    topicAndFeedContract(factory);
    chatAuditMetaContract(factory);
    personalTopicsContract(factory);
    subscriptionContract(factory);
    subscriptionStyleContract(factory);
    storyContract(factory);
    digestSourceContract(factory);
    digestLedgerContract(factory);
    outboxContract(factory);
    workClaimsContract(factory);
  });
}
