import { describe, expect, it } from 'vitest';
import { createHostLimiter } from '../../src/ingest/host-limiter.js';

describe('the fetch concurrency limits', () => {
  it('never runs more than the per-host limit for one host, nor more than the global limit in all', async () => {
    const limiter = createHostLimiter({ global: 3, perHost: 2 });
    const running = new Map<string, number>();
    let total = 0;
    let maxTotal = 0;
    const maxPerHost = new Map<string, number>();
    const releases: (() => void)[] = [];
    const work = (host: string) =>
      limiter.run(host, async () => {
        running.set(host, (running.get(host) ?? 0) + 1);
        total++;
        maxTotal = Math.max(maxTotal, total);
        maxPerHost.set(host, Math.max(maxPerHost.get(host) ?? 0, running.get(host)!));
        await new Promise<void>((resolve) => releases.push(resolve));
        running.set(host, running.get(host)! - 1);
        total--;
      });
    const jobs = ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'c', 'c'].map(work);
    // Release whatever is running, one at a time, until every job is done.
    for (let released = 0; released < jobs.length; released++) {
      while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
      releases.shift()!();
    }
    await Promise.all(jobs);
    expect(maxTotal).toBe(3);
    expect(Math.max(...maxPerHost.values())).toBe(2);
  });
});
