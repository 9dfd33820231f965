import { randomInt } from 'node:crypto';
import { afterEach, expect, onTestFailed } from 'vitest';
import { createDeliveryWorld, receivedPerChat, type DeliveryWorld } from './outbox-world.js';

/** The steps the delivery scale tests share, whichever platform the world sends to. */

/** A failed test prints every worker's output. */
export function describeOnFailure(world: DeliveryWorld): void {
  onTestFailed(() => {
    for (const [n, worker] of world.workers.entries()) console.error(`--- worker ${n + 1}:\n${worker.output()}`);
  });
}

/**
 * For a test file: a function that makes a delivery world (outbox-world.ts) whose workers' output a failed
 * test prints, closed after each test.
 */
export function deliveryWorlds(): (options: Parameters<typeof createDeliveryWorld>[0]) => Promise<DeliveryWorld> {
  let world: DeliveryWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });
  return async (options) => {
    world = await createDeliveryWorld(options);
    describeOnFailure(world);
    return world;
  };
}

/** Every chat 1…chats got its messages 1…perChat, first arrivals in order; returns the repeats per chat. */
export function checkEveryChat(world: DeliveryWorld, chats: number, perChat: number): Map<number, number> {
  const received = receivedPerChat(world.fake.sent);
  const expected = Array.from({ length: perChat }, (_, index) => index + 1);
  const repeats = new Map<number, number>();
  for (let chat = 1; chat <= chats; chat++) {
    const arrivals = received.get(chat) ?? [];
    const firsts = arrivals.filter((n, index) => arrivals.indexOf(n) === index);
    expect(firsts, `chat ${chat}`).toEqual(expected);
    if (arrivals.length > firsts.length) repeats.set(chat, arrivals.length - firsts.length);
  }
  return repeats;
}

/**
 * With three workers running, SIGKILLs a random one `kills` times, each at a random moment (after
 * a random share of the next twelfth of the messages has gone out), and starts another in its place.
 */
export async function killAndRestart(world: DeliveryWorld, kills: number): Promise<void> {
  for (let kill = 1; kill <= kills; kill++) {
    const target = Math.floor((world.total * (kill - 1 + randomInt(1, 100) / 100)) / (kills + 2));
    await world.fake.waitUntil(() => world.delivered() >= target, `${target} messages delivered`, 60_000);
    const running = world.workers.filter((worker) => worker.child.exitCode === null && !worker.child.signalCode);
    await running[randomInt(running.length)]!.stop('SIGKILL');
    await world.startWorker();
  }
}

/**
 * The run every delivery scale test makes: three workers, `kills` of them SIGKILLed and replaced
 * along the way, until every message arrived; then every worker is stopped with SIGTERM. Returns
 * the exit codes of those stops.
 */
export async function deliverWithThreeWorkers(world: DeliveryWorld, kills = 0): Promise<(number | null)[]> {
  await Promise.all([world.startWorker(), world.startWorker(), world.startWorker()]);
  await killAndRestart(world, kills);
  await world.fake.waitUntil(() => world.delivered() >= world.total, 'every message delivered', 90_000);
  const codes: (number | null)[] = [];
  for (const worker of world.workers) codes.push((await worker.stop('SIGTERM')).code);
  return codes;
}
