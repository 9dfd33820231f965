import { parentPort } from 'node:worker_threads';
import { runTask, serializeError, type Task } from './tasks.js';

/** Worker-thread entry: runs one task per message and answers with its result or its error. */
const port = parentPort;
if (!port) throw new Error('task-worker must run on a worker thread');

port.on('message', (message: { kind: Task['kind']; input: object }) => {
  try {
    const result = runTask({ kind: message.kind, ...message.input } as Task);
    port.postMessage({ ok: true, result });
  } catch (error) {
    port.postMessage({ ok: false, error: serializeError(error) });
  }
});
port.postMessage({ ready: true });
