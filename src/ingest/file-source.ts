import { open, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBytes } from './body-reader.js';
import { FetchError } from './fetch-error.js';
import type { FetchResult } from './http-fetch.js';

/**
 * Catalogue feeds may be local files (the bundled sample feeds work offline). Only the operator's
 * catalogue may name one: a moderator's feed is always a URL, or it could read the bot's disk.
 */

/** Whether a feed's "URL" is really a file path (or a file: URL). */
export function isFilePath(url: string): boolean {
  return /^file:/i.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

function pathOf(url: string): string {
  if (/^file:/i.test(url)) return fileURLToPath(url);
  return isAbsolute(url) ? url : resolve(url);
}

/**
 * Reads a catalogue feed file with the same size limit as HTTP. Its modification time plays the
 * part of Last-Modified, so an unchanged file is "not modified".
 */
export async function readFeedFile(
  url: string,
  options: { maxBytes: number; lastModified: string | null },
): Promise<FetchResult> {
  const path = pathOf(url);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new FetchError('network', `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!info.isFile()) throw new FetchError('not-a-feed', `${path} is not a file`);
  // Milliseconds and size: a rewrite within the same second still counts as a change.
  const modified = `${info.mtime.toISOString()} ${info.size}`;
  if (options.lastModified === modified) return { status: 'not-modified', url };
  if (info.size > options.maxBytes) {
    throw new FetchError(
      'too-large',
      `too large: ${formatBytes(info.size)} (the limit is ${formatBytes(options.maxBytes)})`,
    );
  }
  const handle = await open(path, 'r');
  try {
    const body = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(body, 0, info.size, 0);
    return {
      status: 'ok',
      url,
      body: body.subarray(0, bytesRead),
      contentType: null,
      etag: null,
      lastModified: modified,
    };
  } finally {
    await handle.close();
  }
}
