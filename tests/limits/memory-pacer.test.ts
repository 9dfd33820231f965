import { describe, expect, it } from 'vitest';
import type { PaceWindow } from '../../src/delivery/pacer.js';
import { createSharedPacer } from '../../src/limits/index.js';
import { maxInAnyWindow } from '../scale/helpers/windows.js';

// Without REDIS_URL the shared pacer is this process's own (src/delivery/pacer.ts), same interface.
describe('the in-memory shared pacer', () => {
  it('never lets more than the limit into any window, and keeps up with it', async () => {
    const pacer = createSharedPacer({ url: undefined });
    const window: PaceWindow = { key: 'telegram', limit: 5, windowMs: 200 };
    const times: number[] = [];
    const lane = async (): Promise<void> => {
      while (times.length < 20) {
        const ticket = await pacer.reserve([window]);
        times.push(Date.now());
        await ticket.release();
      }
    };
    await Promise.all([lane(), lane(), lane()]);
    expect(maxInAnyWindow(times, window.windowMs)).toBeLessThanOrEqual(window.limit);
    // 20 sends at 5 per 200 ms: four bursts, the last one 600 ms after the first (generous bound).
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(1200);
  });

  it("holds sends back until a 429's retry_after is over", async () => {
    const pacer = createSharedPacer({});
    const window: PaceWindow = { key: 'discord', limit: 50, windowMs: 1000 };
    const until = Date.now() + 150;
    await pacer.block('discord', until);
    expect((await pacer.tryReserve([window])).waitMs).toBeGreaterThan(0);
    const ticket = await pacer.reserve([window]);
    expect(Date.now()).toBeGreaterThanOrEqual(until);
    await ticket.release();
  });

  it('gives up waiting when its signal aborts', async () => {
    const pacer = createSharedPacer({});
    await pacer.block('x', Date.now() + 60_000);
    const controller = new AbortController();
    const waiting = pacer.reserve([{ key: 'x', limit: 1, windowMs: 1000 }], controller.signal);
    controller.abort(new Error('shutting down'));
    await expect(waiting).rejects.toThrow('shutting down');
  });
});
