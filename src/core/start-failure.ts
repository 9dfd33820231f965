/** Why a platform's start attempt failed, in words for the operator (see src/platform-supervisor.ts). */
export interface StartFailure {
  /** The platform refused the credentials: retrying will not help until the key is fixed. */
  tokenRefused: boolean;
  /** A short phrase: "401 Unauthorized", "cannot connect (ECONNREFUSED)". */
  reason: string;
}

/** "cannot connect (ECONNREFUSED)" for a network error (its code may sit a few causes deep), else its message. */
export function networkReason(error: unknown): string {
  let cause: unknown = error;
  for (let depth = 0; cause && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return `cannot connect (${code})`;
    cause = (cause as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : String(error);
}
