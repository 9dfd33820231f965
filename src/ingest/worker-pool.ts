import { Worker } from 'node:worker_threads';
import type { Logger } from '../core/ports.js';
import { deserializeError, type SerializedError } from './task-errors.js';
import type { Task, TaskKind, TaskMap } from './tasks.js';

/**
 * Runs ingestion's CPU-heavy tasks on worker threads, so chat commands stay responsive during a
 * large poll. A worker that crashes, runs out of its memory budget or takes too long fails only
 * its own task and is replaced. If no worker can start at all, tasks run in this thread (logged).
 */
export interface TaskRunner {
  run<K extends TaskKind>(kind: K, input: TaskMap[K]['input']): Promise<TaskMap[K]['output']>;
  close(): Promise<void>;
}

export interface WorkerPoolOptions {
  size: number;
  logger: Logger;
  /** A task running longer than this is stopped and fails. */
  taskTimeoutMs?: number;
  /** Heap budget per worker: a hostile document exhausts the worker, not the bot. */
  maxHeapMb?: number;
  /** The worker's entry module (tests use their own); default: task-worker. */
  entry?: URL;
}

interface Job {
  kind: TaskKind;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

// Parsing makes lots of short-lived garbage; a small young generation keeps the worker's footprint
// down (about 25 MB less in the 20,000-feed bench) for a little more collection work.
const YOUNG_GENERATION_MB = 8;
// The worker's entry sits next to this module: src/ingest/task-worker.ts beside the sources (tsx,
// vitest), dist/task-worker.js beside the bundle's chunks (scripts/build.mjs emits it there).
const ENTRY = new URL(`./task-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
// Worker threads do not inherit the main thread's loader: a TypeScript entry starts from a JS shim
// that registers tsx first. A JavaScript entry (the build) starts directly, with no tsx at all.
const SHIM = new URL('./worker-shim.mjs', import.meta.url);

/** The module a worker starts from, and what it is told to import (for the shim). */
export function workerStart(entry: URL): { file: URL; workerData: { entry: string } } {
  const typescript = entry.pathname.endsWith('.ts');
  return { file: typescript ? SHIM : entry, workerData: { entry: entry.href } };
}

/**
 * Runs a task in this thread. The parsers (feedsmith, linkedom, Readability) are imported on the
 * first such task: with worker threads, the main thread never loads them.
 */
async function runTaskHere(task: Task): Promise<unknown> {
  const { runTask } = await import('./tasks.js');
  return runTask(task);
}

/** Runs tasks in this thread: the fallback, and the runner for tools that want no threads. */
export const inThreadRunner: TaskRunner = {
  async run(kind, input) {
    return runTaskHere({ kind, ...input } as Task) as never;
  },
  async close() {},
};

export function createWorkerPool(options: WorkerPoolOptions): TaskRunner {
  const { logger } = options;
  const timeoutMs = options.taskTimeoutMs ?? 30_000;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let inThread = false;
  let closed = false;

  const spawn = (): Slot => {
    const start = workerStart(options.entry ?? ENTRY);
    const worker = new Worker(start.file, {
      workerData: start.workerData,
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxHeapMb ?? 256,
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
    });
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.unref();
    worker.on('message', (message: { ready?: true; ok?: boolean; result?: unknown; error?: SerializedError }) => {
      if (message.ready) {
        slot.ready = true;
        return pump();
      }
      const job = finish(slot);
      if (!job) return;
      if (message.ok) job.resolve(message.result);
      else job.reject(deserializeError(message.error ?? { name: 'Error', message: 'task failed' }));
      pump();
    });
    worker.on('error', (error) => retire(slot, error));
    worker.on('exit', (code) => retire(slot, new Error(`worker stopped (exit code ${code})`)));
    return slot;
  };

  const finish = (slot: Slot): Job | null => {
    const { job } = slot;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    slot.worker.unref();
    return job;
  };

  const retire = (slot: Slot, error: Error): void => {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    const job = finish(slot);
    void slot.worker.terminate();
    if (!slot.ready && !job && !closed && slots.every((other) => !other.ready)) {
      // Not one worker could start (e.g. no loader for the entry): fall back for good.
      inThread = true;
      logger.warn({ err: error }, 'worker threads unavailable; parsing and extraction run in the main thread');
    } else if (job) {
      job.reject(new Error(`parsing stopped: ${error.message}`));
    }
    pump();
  };

  const runHere = (job: Job): void => {
    // A macrotask boundary lets other work (commands) in between in-thread tasks.
    setImmediate(() => {
      runTaskHere({ kind: job.kind, ...(job.input as object) } as Task).then(job.resolve, job.reject);
    });
  };

  const pump = (): void => {
    if (closed) return;
    if (inThread) {
      for (const job of queue.splice(0)) runHere(job);
      return;
    }
    while (queue.length > 0 && slots.length < options.size) slots.push(spawn());
    for (const slot of slots) {
      if (!slot.ready || slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        retire(slot, new Error(`took longer than ${timeoutMs / 1000} s`));
      }, timeoutMs);
      slot.worker.postMessage({ kind: job.kind, input: job.input });
    }
  };

  return {
    run(kind, input) {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      return new Promise((resolve, reject) => {
        queue.push({ kind, input, resolve: resolve as (value: unknown) => void, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const stopped = new Error('the worker pool is closed');
      for (const job of queue.splice(0)) job.reject(stopped);
      for (const slot of slots) finish(slot)?.reject(stopped);
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}
