import { Transform, type Readable } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { FetchError } from './fetch-error.js';

/**
 * Reads a response body into memory, decompressing gzip, deflate and br, and stops as soon as the
 * decompressed size passes `maxBytes`: the cap is counted while streaming, so neither a huge body
 * nor a small compression bomb is ever held whole.
 */
export async function readBody(body: Readable, contentEncoding: string | undefined, maxBytes: number): Promise<Buffer> {
  let decoders: Transform[];
  try {
    decoders = decodersFor(contentEncoding);
  } catch (error) {
    // Not one byte will be read: release the connection now, or it stays open for good.
    body.destroy();
    throw error;
  }
  let stream: Readable = body;
  for (const decoder of decoders) stream = stream.pipe(decoder);
  const destroyAll = (error?: Error): void => {
    body.destroy(error);
    for (const decoder of decoders) decoder.destroy(error);
  };
  // Errors of the raw body must reach the decoded stream we iterate, or they would go unheard.
  if (decoders.length > 0) body.once('error', (error) => stream.destroy(error));

  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    destroyAll();
    if (error instanceof FetchError) throw error;
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new FetchError('network', `the ${contentEncoding} body could not be decompressed`);
    }
    throw error;
  }
  return Buffer.concat(chunks, total);
}

export const tooLarge = (maxBytes: number): FetchError =>
  new FetchError('too-large', `too large: more than ${formatBytes(maxBytes)}`);

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  if (bytes >= 1000) return `${Number((bytes / 1000).toFixed(1))} kB`;
  return `${bytes} bytes`;
}

function decodersFor(contentEncoding: string | undefined): Transform[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== 'identity');
  // Codings are listed in the order they were applied, so they are undone from the last.
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
      case 'deflate':
        return createDeflateDecoder();
      case 'br':
        return createBrotliDecompress();
      default:
        throw new FetchError('network', `unsupported content encoding '${coding}'`);
    }
  });
}

/** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: the first byte tells. */
function createDeflateDecoder(): Transform {
  let inner: Transform | null = null;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!inner) {
        // A zlib header's first byte has compression method 8 in its low nibble (0x78 in practice).
        inner = (chunk[0]! & 0x0f) === 8 ? createInflate({ finishFlush: constants.Z_SYNC_FLUSH }) : createInflateRaw();
        inner.on('data', (data: Buffer) => this.push(data));
        inner.on('error', (error) => this.destroy(error));
      }
      inner.write(chunk, done);
    },
    flush(done) {
      if (!inner) return done();
      inner.once('end', () => done());
      inner.end();
    },
  });
}
