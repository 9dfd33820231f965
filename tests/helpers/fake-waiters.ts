type Waiter = { check: () => boolean; resolve: () => void };

/**
 * "Wait until this is true" for the fakes: checked whenever the fake answers a call (notify),
 * and every 20 ms for changes made elsewhere (the database, another client).
 */
export function createWaiters(fakeName: string) {
  const waiters = new Set<Waiter>();
  const notify = (): void => {
    for (const waiter of [...waiters]) {
      if (waiter.check()) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };
  // A bound on a hang, not a speed check: on a loaded 2-core machine a command can take several seconds.
  const waitUntil = (check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> => {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const poll = setInterval(notify, 20);
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        clearInterval(poll);
        reject(new Error(`fake ${fakeName}: timed out waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = { check, resolve: () => (clearTimeout(timer), clearInterval(poll), resolve()) };
      waiters.add(waiter);
    });
  };
  return { notify, waitUntil };
}
