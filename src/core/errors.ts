/**
 * A problem the person who caused it can fix: shown to them as it is. Anything else thrown
 * below a boundary is logged with its context and answered with a short apology.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** The caller may not run this command here. Shown to them; nothing is changed. */
export class AccessDeniedError extends UserError {}

/** Configuration that cannot be used; start-up stops with this message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
  }
}
