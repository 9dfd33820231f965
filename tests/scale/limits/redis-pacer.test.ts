import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { PaceWindow } from '../../../src/delivery/pacer.js';
import { createRedisPacer } from '../../../src/limits/redis-pacer.js';
import type { SharedPacer } from '../../../src/limits/shared-pacer.js';
import { REDIS_URL, uniqueName } from '../helpers/servers.js';
import { maxInAnyWindow } from '../helpers/windows.js';

describe('the Redis pacer (rate-limiter-flexible)', () => {
  const prefix = uniqueName('nb_test');
  const pacers: SharedPacer[] = [];
  const open = (): SharedPacer => {
    const pacer = createRedisPacer({ url: REDIS_URL, prefix });
    pacers.push(pacer);
    return pacer;
  };
  afterAll(async () => {
    await Promise.all(pacers.map((pacer) => pacer.close()));
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('holds one limit across three processes: never more in any sliding window, and ≥ 0.95 of it', async () => {
    const global: PaceWindow = { key: 'telegram', limit: 30, windowMs: 1000 };
    const chatWindow = (chat: number): PaceWindow => ({ key: `telegram:chat:${chat}`, limit: 1, windowMs: 1000 });
    const instances = [open(), open(), open()];
    const total = 150;
    const sends: { at: number; slot: number; chat: number }[] = [];
    let next = 0;
    // Each instance works five chats' queues at once, as the outbox worker does.
    const lane = async (pacer: SharedPacer): Promise<void> => {
      while (next < total) {
        const chat = next++ % 200;
        const ticket = await pacer.reserve([global, chatWindow(chat)]);
        const slotAt = (ticket as { slotAt?: number }).slotAt ?? NaN;
        sends.push({ at: Date.now(), slot: performance.timeOrigin + slotAt, chat });
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5)); // the request in flight
        await ticket.release();
      }
    };
    await Promise.all(instances.flatMap((pacer) => [1, 2, 3, 4, 5].map(() => lane(pacer))));

    const times = sends.map((send) => send.at);
    expect(sends).toHaveLength(total);
    // The fakes count sliding windows: fixed ones alone let 42 through here. The slots given never exceed
    // the limit in any window. The sends themselves start within the pacer's tolerance of their slots,
    // unless the system stops this process right after (a machine with every core busy): one more is
    // allowed for that; a pacer that does not pace gives a dozen.
    expect(
      maxInAnyWindow(
        sends.map((send) => send.slot),
        global.windowMs,
      ),
    ).toBeLessThanOrEqual(global.limit);
    expect(maxInAnyWindow(times, global.windowMs)).toBeLessThanOrEqual(global.limit + 1);
    for (let chat = 0; chat < 200; chat++) {
      const chatTimes = sends.filter((send) => send.chat === chat).map((send) => send.at);
      expect(maxInAnyWindow(chatTimes, 1000)).toBeLessThanOrEqual(1);
    }
    // Throughput while the queue never ran dry: the first four windows from the first send.
    const first = Math.min(...times);
    const windows = 4;
    const inTime = times.filter((at) => at < first + windows * global.windowMs).length;
    const share = inTime / (windows * global.limit);
    console.log(
      `3 pacers: ${inTime} sends in the first ${windows} windows of ${global.limit}: ${share.toFixed(3)} of the limit`,
    );
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it("pauses every process for a 429's retry_after (in whole seconds), kept in Redis", async () => {
    const [first, second] = [open(), open()];
    const window: PaceWindow = { key: 'discord', limit: 50, windowMs: 1000 };
    await (await first.reserve([window])).release();
    const until = Date.now() + 400;
    await first.block('discord', until);
    const redis = new Redis(REDIS_URL);
    const ttl = await redis.pttl(`${prefix}:discord`);
    redis.disconnect();
    expect(ttl).toBeGreaterThan(400);
    expect(ttl).toBeLessThanOrEqual(1000);
    const waiting = await second.tryReserve([window]);
    expect(waiting.waitMs).toBeGreaterThan(400);
    const ticket = await second.reserve([window]);
    expect(Date.now()).toBeGreaterThanOrEqual(until - 5);
    await ticket.release();
    // A shorter block never cuts a longer one short.
    await first.block('discord', Date.now() + 3000);
    await first.block('discord', Date.now() + 10);
    expect((await second.tryReserve([window])).waitMs).toBeGreaterThan(2000);
  });

  it("takes all of a send's windows or none: a full chat costs the platform no slot", async () => {
    const pacer = open();
    const platform: PaceWindow = { key: 'discord-all', limit: 3, windowMs: 1000 };
    const chat = (id: number): PaceWindow => ({ key: `discord:channel:${id}`, limit: 1, windowMs: 1000 });
    expect((await pacer.tryReserve([platform, chat(1)])).ticket).toBeDefined();
    const blocked = await pacer.tryReserve([platform, chat(1)]);
    expect(blocked.waitMs).toBeGreaterThan(0);
    // Three per second less 3 % headroom leave two: the refused chat took none of them.
    expect((await pacer.tryReserve([platform, chat(2)])).ticket).toBeDefined();
    const third = await pacer.tryReserve([platform, chat(3)]);
    expect(third.waitMs).toBeGreaterThan(0);
    // …and the platform's refusal gave chat 3 its point back.
    const chatOnly = await pacer.tryReserve([{ key: 'other-platform', limit: 10, windowMs: 1000 }, chat(3)]);
    expect(chatOnly.ticket).toBeDefined();
  });

  it("takes no platform point for a chat whose own slot is still to come, so the send keeps the platform's slot", async () => {
    const pacer = open();
    // Nine points a second (ten less headroom): slots 111 ms apart. A channel's five per 5 s: a second apart.
    const platform: PaceWindow = { key: 'discord-later-chat', limit: 10, windowMs: 1000 };
    const channel = (id: number): PaceWindow => ({ key: `discord-later:channel:${id}`, limit: 5, windowMs: 5000 });
    const slotOf = (ticket: unknown): number => (ticket as { slotAt?: number } | undefined)?.slotAt ?? NaN;
    const first = await pacer.tryReserve([platform, channel(1)]);
    expect(first.ticket).toBeDefined();
    // The channel's second slot is a second away: it waits for it, holding nothing.
    const second = await pacer.tryReserve([platform, channel(1)]);
    expect(second.ticket).toBeUndefined();
    expect(second.waitMs).toBeGreaterThan(500); // about 1,000 ms, less the time the asks took
    // The platform's second point, 111 ms in, is still free for another channel (its third would be 222 ms in;
    // each slot is reckoned from its own ask, so a busy Redis moves them a little apart).
    const other = await pacer.tryReserve([platform, channel(2)]);
    expect(slotOf(other.ticket) - slotOf(first.ticket)).toBeGreaterThan(70);
    expect(slotOf(other.ticket) - slotOf(first.ticket)).toBeLessThan(170);
  });

  it('reckons a slot from when it was asked for, so an answer read late is not sent late unnoticed', async () => {
    const pacer = open();
    const window: PaceWindow = { key: 'late-answer', limit: 10, windowMs: 1000 };
    await pacer.tryReserve([{ key: 'connect-first', limit: 10, windowMs: 1000 }]); // connected
    const asked = performance.now();
    const reservation = pacer.tryReserve([window]);
    // Microtasks only (no I/O turn): the point is asked for, its answer not yet read.
    for (let turn = 0; turn < 50; turn++) await new Promise<void>((resolve) => queueMicrotask(resolve));
    // The event loop is busy while Redis answers: the answer is read some 60 ms after it came.
    for (const busyUntil = performance.now() + 60; performance.now() < busyUntil;);
    const { ticket } = await reservation;
    // The window's first slot is at its start, when the point was asked for: already 60 ms gone,
    // which reserve() sees as late (and lets go) rather than as a slot starting now.
    const slotAt = (ticket as { slotAt?: number } | undefined)?.slotAt ?? Infinity;
    expect(slotAt).toBeLessThan(asked + 20);
    expect(performance.now() - slotAt).toBeGreaterThan(40);
  });
});
