import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/schedule/scheduler.js';
import { recordingLogger } from '../helpers/test-app.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

describe('the scheduler', () => {
  it('never runs two ticks at once: a tick asked for while one runs joins it', async () => {
    const gate = deferred();
    let runs = 0;
    let delivered = 0;
    const scheduler = createScheduler(
      { sendDueDigests: async () => (runs++, gate.promise), deliver: () => void delivered++ },
      recordingLogger(),
    );
    const first = scheduler.tick();
    const second = scheduler.tick();
    expect(second).toBe(first);
    gate.resolve();
    await first;
    expect([runs, delivered]).toEqual([1, 1]);
    await scheduler.tick();
    expect(runs).toBe(2);
  });

  it('does not wait for a slow feed poll, nor start a second one while it runs', async () => {
    const poll = deferred();
    let polls = 0;
    let digests = 0;
    const scheduler = createScheduler(
      { sendDueDigests: async () => void digests++, pollDueFeeds: async () => (polls++, poll.promise) },
      recordingLogger(),
    );
    await scheduler.tick();
    await scheduler.tick();
    expect([digests, polls]).toEqual([2, 1]);
    poll.resolve();
    await scheduler.stop();
    await scheduler.tick();
    expect(polls).toBe(2);
  });

  it('logs a failing job and carries on with the next one', async () => {
    const logger = recordingLogger();
    let delivered = 0;
    const scheduler = createScheduler(
      { sendDueDigests: async () => Promise.reject(new Error('database is locked')), deliver: () => void delivered++ },
      logger,
    );
    await scheduler.tick();
    expect(delivered).toBe(1);
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error', msg: 'scheduled job failed' }));
  });

  it('ticks at once on start when asked (a digest missed while down goes out at start) and stops cleanly', async () => {
    let runs = 0;
    const started = deferred();
    const scheduler = createScheduler({ sendDueDigests: async () => (runs++, started.resolve()) }, recordingLogger());
    scheduler.start({ runNow: true });
    await started.promise;
    await scheduler.stop();
    expect(runs).toBe(1);
  });
});
