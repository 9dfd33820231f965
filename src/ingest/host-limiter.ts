import pLimit, { type LimitFunction } from 'p-limit';

/** Runs work under a global concurrency limit and a per-host one, so no site gets a flood of requests. */
export interface HostLimiter {
  run<T>(host: string, work: () => Promise<T>): Promise<T>;
}

export function createHostLimiter(options: { global: number; perHost: number }): HostLimiter {
  const global = pLimit(options.global);
  const hosts = new Map<string, { limit: LimitFunction; users: number }>();
  return {
    async run(host, work) {
      let entry = hosts.get(host);
      if (!entry) {
        entry = { limit: pLimit(options.perHost), users: 0 };
        hosts.set(host, entry);
      }
      entry.users++;
      try {
        // Host slot first: a request waiting for its host does not hold one of the global slots.
        return await entry.limit(() => global(work));
      } finally {
        // Forget idle hosts so a long-running bot does not keep one entry per host it ever saw.
        if (--entry.users === 0) hosts.delete(host);
      }
    },
  };
}
