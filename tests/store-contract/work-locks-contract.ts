import { expect, it } from 'vitest';
import type { WorkLocks } from '../../src/core/work-locks.js';

/** Two holders of the locks, as two processes would be (one process: the same locks twice). */
export type TwoHolders = () => { first: WorkLocks; second: WorkLocks };

/** A promise and the function that settles it: work that runs until the test lets it end. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** What WorkLocks promise on every backend. */
export function workLocksContract(holders: TwoHolders): void {
  it('runs work under a name only where no one else holds that name, and other names meanwhile', async () => {
    const { first, second } = holders();
    const { opened, open } = gate();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const held = first.tryWith('digests 3/16', async () => {
      started();
      await opened;
      return 'planned';
    });
    await running;
    expect(await second.tryWith('digests 3/16', async () => 'twice')).toEqual({ ran: false });
    expect(await second.tryWith('digests 4/16', async () => 'other part')).toEqual({ ran: true, value: 'other part' });
    open();
    expect(await held).toEqual({ ran: true, value: 'planned' });
    expect(await second.tryWith('digests 3/16', async () => 'next run')).toEqual({ ran: true, value: 'next run' });
  });

  it('passes a failure of the work on and lets the name go', async () => {
    const { first, second } = holders();
    await expect(
      first.tryWith('digests 0/16', async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await second.tryWith('digests 0/16', async () => 7)).toEqual({ ran: true, value: 7 });
  });
}
