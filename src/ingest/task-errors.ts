import { FetchError } from './fetch-error.js';

// Apart from tasks.ts so the main thread can read a worker's error without loading the parsers.

/** How a task error crosses the thread boundary. */
export interface SerializedError {
  name: string;
  message: string;
  kind?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof FetchError) return { name: error.name, message: error.message, kind: error.kind };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  if (error.name === 'FetchError' && error.kind) return new FetchError(error.kind as FetchError['kind'], error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
