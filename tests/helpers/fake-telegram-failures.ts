/** Bot API failures as Telegram answers them: `{ ok: false, error_code, description, parameters }`. */

export interface TelegramFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Failures a test can queue with failNext. */
export const telegramFailures = {
  tooManyRequests: (retryAfter: number): TelegramFailure => ({
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  }),
  blocked: (): TelegramFailure => ({ error_code: 403, description: 'Forbidden: bot was blocked by the user' }),
  kicked: (): TelegramFailure => ({ error_code: 403, description: 'Forbidden: bot was kicked from the group chat' }),
  chatNotFound: (): TelegramFailure => ({ error_code: 400, description: 'Bad Request: chat not found' }),
  messageTooLong: (): TelegramFailure => ({ error_code: 400, description: 'Bad Request: message is too long' }),
  migrated: (newChatId: number): TelegramFailure => ({
    error_code: 400,
    description: 'Bad Request: group chat was upgraded to a supergroup chat',
    parameters: { migrate_to_chat_id: newChatId },
  }),
  serverError: (): TelegramFailure => ({ error_code: 502, description: 'Bad Gateway' }),
};

/** Thrown inside the fake's handlers; answered as the failure it carries. */
export function telegramError(code: number, description: string, parameters?: TelegramFailure['parameters']): Error {
  return Object.assign(new Error(description), {
    telegram: { error_code: code, description, ...(parameters ? { parameters } : {}) },
  });
}
