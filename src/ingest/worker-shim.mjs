// Worker threads do not inherit the loader the main thread registered (tsx under bin/newsbrief.js
// and vitest), so a TypeScript worker entry registers tsx itself before importing the real module.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
