import type { FeedErrorKind } from '../core/domain.js';

/**
 * Why fetching or reading a feed (or an article page) failed, with the kind kept on the feed for
 * backoff and the moderators' health list. The message is written for a person.
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Finds a FetchError anywhere in an error's cause chain (undici wraps connect errors). */
export function findFetchError(error: unknown): FetchError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof FetchError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed (try again later)',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed early',
};

/** Turns whatever a fetch threw into a FetchError with a readable message. */
export function toFetchError(error: unknown): FetchError {
  const found = findFetchError(error);
  if (found) return found;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES[code]) return new FetchError('network', NETWORK_CODES[code]);
    if (
      (typeof code === 'string' && code.startsWith('ERR_TLS')) ||
      code === 'CERT_HAS_EXPIRED' ||
      code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
    ) {
      return new FetchError('network', `TLS error (${String(code)})`);
    }
    current = (current as { cause?: unknown }).cause;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FetchError('network', message || 'network error');
}
