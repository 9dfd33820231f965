import { parentPort, threadId } from 'node:worker_threads';

/** A test worker speaking the task protocol: reports its thread, or hangs or crashes on request. */
const port = parentPort!;
port.on('message', (message: { input: { text?: string } }) => {
  const text = message.input.text ?? '';
  if (text === 'hang') for (;;);
  if (text === 'crash') process.exit(3);
  if (text === 'fail')
    return port.postMessage({
      ok: false,
      error: { name: 'FetchError', kind: 'not-a-feed', message: 'not a feed: probe' },
    });
  port.postMessage({ ok: true, result: { threadId, text } });
});
port.postMessage({ ready: true });
