import { setTimeout as delay } from 'node:timers/promises';
import type { DeliveryControl, OutboxStore } from '../core/digest/outbox-port.js';
import type { Platform } from '../core/domain.js';
import type { Clock, Logger, Messenger } from '../core/ports.js';
import type { SharedPacer } from '../limits/shared-pacer.js';
import type { Pacer } from './pacer.js';
import type { PacingLimits } from './pacing.js';
import type { OutcomeChats } from './send-outcome.js';

/** What the delivery worker (outbox-worker.ts) is given. */
export interface OutboxWorkerOptions {
  outbox: OutboxStore;
  control: DeliveryControl;
  chats: OutcomeChats;
  /** The running platform's messenger; messages for a platform that is not running wait. */
  messengerFor(platform: Platform): Messenger | undefined;
  pacing: PacingLimits;
  clock: Clock;
  logger: Logger;
  pacer?: Pacer;
  /** The platform limits shared with other processes (src/limits, REDIS_URL), asked before each send. */
  sharedPacer?: SharedPacer | undefined;
  /** This process's name in the outbox leases (default `local`: SQLite's one process); unique per process with several. */
  owner?: string;
  /** How long a chat's lease lasts unrenewed: how long a crashed process's chats wait (default 60 s). */
  leaseMs?: number;
  /** With nothing to send: how often to look for new or freed chats (default 60 s; wake() looks at once). */
  idlePollMs?: number;
  /** Waits `ms`, or less when `signal` aborts. Tests pass one that moves a fake clock. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Sends in flight at once, over all chats. */
  maxInFlight?: number;
  /** Delay before attempt `attempts + 1` after a transient failure. */
  backoffMs?: (attempts: number) => number;
  /** Attempts (429s included) before a message that keeps failing is failed; default 15, over about 5½ hours. */
  maxAttempts?: number;
  /** A retry_after longer than this reschedules the message in the outbox rather than waiting in memory. */
  maxInMemoryWaitMs?: number;
  /** Chats leased at once (default 256). */
  maxChats?: number;
}

/** 5 s, 10 s, 20 s … up to an hour. */
export const exponentialBackoff = (attempts: number): number =>
  Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);

/** With exponentialBackoff: the 15th attempt comes about 5½ hours after the first. */
export const DEFAULT_MAX_ATTEMPTS = 15;

/** Waits `ms`, or less when `signal` aborts. */
export const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  delay(ms, undefined, { signal }).catch(() => undefined);
