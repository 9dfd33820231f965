import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/ingest/fetch-error.js';
import { createWorkerPool, type TaskRunner } from '../../src/ingest/worker-pool.js';
import { recordingLogger } from '../helpers/test-app.js';
import { fixture } from './helpers/feeds.js';

const pools: TaskRunner[] = [];
afterEach(async () => {
  while (pools.length > 0) await pools.pop()!.close();
});

function pool(options: { entry?: URL; taskTimeoutMs?: number } = {}) {
  const logger = recordingLogger();
  const created = createWorkerPool({ size: 1, logger, ...options });
  pools.push(created);
  return { pool: created, logger };
}

const PROBE = new URL('./helpers/probe-worker.ts', import.meta.url);
const probe = async (runner: TaskRunner, text: string) =>
  (await runner.run('extract', { text, url: null })) as unknown as { threadId: number; text: string };

describe('the worker pool', () => {
  it('parses feeds on a worker thread, TypeScript entry included, without falling back', async () => {
    const { pool: runner, logger } = pool();
    const feed = await runner.run('parse-feed', { text: fixture('rss2-full.xml'), baseUrl: null });
    expect(feed.items[0]!.title).toBe('Council approves new bridge & cycle lanes');
    expect(logger.entries.filter((entry) => entry.level === 'warn')).toEqual([]);
  });

  it('runs tasks on a thread other than this one', async () => {
    const { pool: runner } = pool({ entry: PROBE });
    const result = await probe(runner, 'hello');
    expect(result.text).toBe('hello');
    expect(result.threadId).not.toBe(threadId);
  });

  it('brings a task’s typed error back across the thread', async () => {
    const { pool: runner } = pool({ entry: PROBE });
    const error = await probe(runner, 'fail').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ kind: 'not-a-feed', message: 'not a feed: probe' });
  });

  it('stops a task that runs too long, and replaces the worker for the next one', async () => {
    const { pool: runner } = pool({ entry: PROBE, taskTimeoutMs: 500 });
    await expect(probe(runner, 'hang')).rejects.toThrow(/took longer than 0.5 s/);
    expect((await probe(runner, 'after')).text).toBe('after');
  });

  it('fails only the task of a worker that crashes', async () => {
    const { pool: runner } = pool({ entry: PROBE });
    await expect(probe(runner, 'crash')).rejects.toThrow(/exit code 3/);
    expect((await probe(runner, 'after')).text).toBe('after');
  });

  it('falls back to this thread, and says so, when no worker can start', async () => {
    const { pool: runner, logger } = pool({ entry: new URL('./helpers/no-such-worker.ts', import.meta.url) });
    const feed = await runner.run('parse-feed', { text: fixture('atom.xml'), baseUrl: 'https://mountain.example/' });
    expect(feed.title).toBe('Mountain Post');
    expect(logger.entries.find((entry) => entry.level === 'warn')?.msg).toMatch(/worker threads unavailable/);
  });
});
