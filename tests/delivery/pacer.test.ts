import { describe, expect, it } from 'vitest';
import { createPacer } from '../../src/delivery/pacer.js';
import { paceWindows, DEFAULT_PACING } from '../../src/delivery/pacing.js';

const window = { key: 'chat', limit: 2, windowMs: 1000 };

describe('the pacer', () => {
  it('lets `limit` sends start per window, each counting until a window after it finished', () => {
    let now = 0;
    const pacer = createPacer(() => now);
    expect(pacer.waitFor([window])).toBe(0);
    const first = pacer.acquire([window]);
    const second = pacer.acquire([window]);
    // Both in flight: nothing frees until one finishes.
    expect(pacer.waitFor([window])).toBe(Infinity);
    now = 40;
    pacer.release(first);
    expect(pacer.waitFor([window])).toBe(1000);
    now = 90;
    pacer.release(second);
    now = 1039;
    expect(pacer.waitFor([window])).toBe(1);
    now = 1040;
    expect(pacer.waitFor([window])).toBe(0);
  });

  it('waits out a retry_after on a key even when its window has room', () => {
    let now = 5000;
    const pacer = createPacer(() => now);
    pacer.block('chat', 7500);
    expect(pacer.waitFor([window])).toBe(2500);
    now = 7500;
    expect(pacer.waitFor([window])).toBe(0);
  });

  it('keeps every window of the receiving clock within the limit, whatever the network delays', () => {
    // A simulation: sends start when the pacer allows, reach the platform after a random delay
    // and finish after another. The platform counts arrivals in every sliding window.
    let now = 0;
    const pacer = createPacer(() => now);
    const limits = [
      { key: 'global', limit: 30, windowMs: 1000 },
      { key: 'chat', limit: 30, windowMs: 1000 },
    ];
    const arrivals: number[] = [];
    const inFlight: { finishAt: number; ticket: ReturnType<typeof pacer.acquire> }[] = [];
    let random = 42;
    const next = (): number => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    while (arrivals.length < 600) {
      for (const send of inFlight.filter((send) => send.finishAt <= now)) {
        pacer.release(send.ticket);
        inFlight.splice(inFlight.indexOf(send), 1);
      }
      while (pacer.waitFor(limits) === 0) {
        const arriveAt = now + Math.floor(next() * 40);
        arrivals.push(arriveAt);
        inFlight.push({ finishAt: arriveAt + Math.floor(next() * 40), ticket: pacer.acquire(limits) });
      }
      now++;
    }
    arrivals.sort((a, b) => a - b);
    let busiest = 0;
    for (let index = 0; index < arrivals.length; index++) {
      const inWindow = arrivals.filter((at) => at > arrivals[index]! - 1000 && at <= arrivals[index]!).length;
      busiest = Math.max(busiest, inWindow);
    }
    expect(busiest).toBeLessThanOrEqual(30);
    // And it stays close to the limit: 600 sends in about 20 windows.
    expect(arrivals.at(-1)!).toBeLessThan(22_000);
  });
});

describe('pacing windows', () => {
  it('applies Telegram’s overall, per-chat and per-group limits, and Discord’s overall and per-channel ones', () => {
    expect(paceWindows(DEFAULT_PACING, 'telegram', 'telegram:100', 'private')).toEqual([
      { key: 'telegram', limit: 30, windowMs: 1000 },
      { key: 'telegram:chat:telegram:100', limit: 1, windowMs: 1000 },
    ]);
    expect(
      paceWindows(DEFAULT_PACING, 'telegram', 'telegram:-100123', 'group').map((w) => [w.limit, w.windowMs]),
    ).toEqual([
      [30, 1000],
      [1, 1000],
      [20, 60_000],
    ]);
    expect(
      paceWindows({ ...DEFAULT_PACING, discordChannelWindowSeconds: 10 }, 'discord', 'discord:42', 'channel'),
    ).toEqual([
      { key: 'discord', limit: 50, windowMs: 1000 },
      { key: 'discord:channel:discord:42', limit: 5, windowMs: 10_000 },
    ]);
    expect(paceWindows(DEFAULT_PACING, 'console', 'console:local', 'private')).toEqual([]);
  });
});
