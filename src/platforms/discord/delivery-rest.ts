import { REST } from 'discord.js';

/**
 * The REST client deliveries send through. A 429 is handed to the delivery worker (which pauses
 * every process) rather than waited out or retried here. discord.js also caps the requests of one
 * process per second on its own (50 by default) and, told to reject on rate limits, refuses a send
 * over it: the cap is the configured platform limit (DISCORD_REQUESTS_PER_SECOND), which the pacer
 * already keeps every process under together, so a process with most of the chats is not refused
 * by itself. Unset: discord.js's 50, Discord's own limit.
 */
export function createDeliveryRest(token: string, options: { apiRoot?: string; requestsPerSecond?: number }): REST {
  const api = options.apiRoot?.replace(/\/+$/, '');
  return new REST({
    ...(api ? { api } : {}),
    rejectOnRateLimit: () => true,
    retries: 0,
    ...(options.requestsPerSecond ? { globalRequestsPerSecond: options.requestsPerSecond } : {}),
  }).setToken(token);
}
