import { createMemoryPacer } from './memory-pacer.js';
import { createRedisPacer, type RedisPacerOptions } from './redis-pacer.js';
import type { SharedPacer } from './shared-pacer.js';

export type { PaceWindow, Reservation, SendTicket, SharedPacer } from './shared-pacer.js';

/** The limits shared by every process through Redis when REDIS_URL is set; else this process's own. */
export function createSharedPacer(options: Partial<RedisPacerOptions> & { url?: string | undefined }): SharedPacer {
  return options.url ? createRedisPacer({ ...options, url: options.url }) : createMemoryPacer();
}
