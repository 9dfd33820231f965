import { existsSync } from 'node:fs';
import * as z from 'zod';
import { nearMissWarnings, warnOnStderr } from './config-warnings.js';
import { ConfigError } from './core/errors.js';
import { isTimezone } from './core/timezone.js';

/**
 * The one schema over the environment, parsed once at start. Every key is documented in
 * .env.example. This is the only module that reads process.env.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z.string().trim().min(1).optional();
const integer = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(min, `expected at least ${min}`)
    .max(max, `expected at most ${max}`)
    .default(fallback);
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
  .default('false')
  .transform((value) => ['true', '1', 'yes'].includes(value));
const url = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional();
const idList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^-?\d+$/, 'expected comma-separated numeric ids')));
/** "0,1", "0-3" or "0-1,4": the Discord shards this process holds, in order, each once. */
const shardIds = z
  .string()
  .regex(/^\s*\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$/, 'expected shard ids such as 0,1 or 0-3')
  .transform((value) => {
    const ids = new Set<number>();
    for (const part of value.split(',')) {
      const [from, to = from] = part.split('-').map((bound) => Number(bound.trim())) as [number, number?];
      for (let id = from; id <= to; id++) ids.add(id);
    }
    return [...ids].sort((a, b) => a - b);
  })
  .optional();
const optionalPort = z.coerce
  .number({ error: 'expected a port number' })
  .int('expected a port number')
  .min(0, 'expected a port number (0-65535)')
  .max(65535, 'expected a port number (0-65535)')
  .optional();

const environmentKeys = z.object({
  DISCORD_TOKEN: z
    .string()
    .regex(/^[\w-]{17,}\.[\w-]{4,}\.[\w-]{20,}$/, 'expected a Discord bot token (three dot-separated parts)')
    .optional(),
  DISCORD_API_ROOT: url,
  DISCORD_OPERATOR_IDS: idList,
  DISCORD_MODERATOR_ROLE: optionalText,
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d{3,}:[\w-]{30,}$/, 'expected a Telegram bot token like 123456:ABC-DEF… from BotFather')
    .optional(),
  TELEGRAM_API_ROOT: url,
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/, error: 'expected an https URL' }).optional(),
  TELEGRAM_WEBHOOK_PORT: integer(8443, 1, 65535),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[\w-]{1,256}$/, 'expected 1-256 letters, digits, _ or -')
    .optional(),
  TELEGRAM_OPERATOR_IDS: idList,
  DATABASE_PATH: z.string().trim().min(1).default('data/newsbrief.db'),
  CATALOGUE_PATH: z.string().trim().min(1).default('data/catalogue.json'),
  DEFAULT_TIMEZONE: z.string().default('UTC').refine(isTimezone, 'expected an IANA timezone such as Europe/London'),
  // Unset: info, or warn on an interactive console, where log lines would break into the chat.
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).optional(),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json'], { error: 'expected auto, pretty or json' }).default('auto'),
  ALLOW_PRIVATE_FEEDS: flag,
  FEED_POLL_INTERVAL_MINUTES: integer(10, 1, 1440),
  FETCH_TIMEOUT_MS: integer(15_000, 1000, 120_000),
  FETCH_MAX_BYTES: integer(5_000_000, 10_000, 100_000_000),
  FETCH_MAX_REDIRECTS: integer(5, 0, 20),
  FETCH_CONCURRENCY: integer(16, 1, 256),
  FETCH_PER_HOST_CONCURRENCY: integer(2, 1, 32),
  ARTICLE_FETCH_CONCURRENCY: integer(4, 1, 64),
  DIGEST_DEFAULT_CAP: integer(8, 1, 25),
  TELEGRAM_MESSAGES_PER_SECOND: integer(30, 1, 1000),
  TELEGRAM_CHAT_MESSAGES_PER_SECOND: integer(1, 1, 100),
  TELEGRAM_GROUP_MESSAGES_PER_MINUTE: integer(20, 1, 1000),
  DISCORD_REQUESTS_PER_SECOND: integer(50, 1, 1000),
  DISCORD_CHANNEL_MESSAGES_PER_WINDOW: integer(5, 1, 100),
  DISCORD_CHANNEL_WINDOW_SECONDS: integer(5, 1, 600),
  // --- several processes (README: "When one machine is not enough") ---
  /**
   * PostgreSQL: when set, the whole app keeps its data there instead of DATABASE_PATH; with Telegram
   * long polling, only the process holding its advisory lock polls.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'expected postgres://user:password@host:5432/database')
    // A port that is not a number, a stray character in the host: said here, not by the driver later.
    .refine((url) => URL.canParse(url), 'not a valid URL: expected postgres://user:password@host:5432/database')
    .optional(),
  /** Redis: the platform send limits every process shares (`newsbrief deliver`); this process's own when unset. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'expected redis://host:6379')
    .optional(),
  /** How long a delivery process's lease on a chat's outbox lasts unrenewed (a crashed process's chats wait this long), s. */
  OUTBOX_LEASE_SECONDS: integer(60, 1, 3600),
  /** How often a process without the Telegram polling lock tries to take it, ms. */
  TELEGRAM_POLL_LOCK_RETRY_MS: integer(5000, 100, 600_000),
  /** Discord shards in all, over every process (discord.js `shardCount`). */
  SHARD_COUNT: z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .max(100_000, 'expected at most 100000')
    .optional(),
  /** The shards this process holds (discord.js `shards`); all of SHARD_COUNT when unset. */
  SHARD_IDS: shardIds,
  /** /healthz and /metrics; off when unset, 0 picks a free port (named in the log). */
  METRICS_PORT: optionalPort,
  METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
});

/** Checks across keys: shard ids below the shard count. */
export const configSchema = environmentKeys.superRefine((config, context) => {
  // Runs even when a key failed its own check (zod 4): look only at values that passed.
  if (!Array.isArray(config.SHARD_IDS)) return;
  if (typeof config.SHARD_COUNT !== 'number') {
    context.addIssue({
      code: 'custom',
      path: ['SHARD_IDS'],
      message: 'needs SHARD_COUNT, the shards over all processes',
    });
    return;
  }
  const beyond = config.SHARD_IDS.filter((id) => id >= config.SHARD_COUNT!);
  if (beyond.length > 0) {
    context.addIssue({
      code: 'custom',
      path: ['SHARD_IDS'],
      message: `shard ids count from 0 and must be below SHARD_COUNT (${config.SHARD_COUNT}): ${beyond.join(', ')}`,
    });
  }
});

export type Config = z.infer<typeof configSchema>;

/** The log level: LOG_LEVEL when set; else warnings only on an interactive console (the chat owns the screen), else info. */
export function logLevelFor(config: Config, interactiveConsole = false): string {
  return config.LOG_LEVEL ?? (interactiveConsole ? 'warn' : 'info');
}

/** Parses the environment; throws a ConfigError naming every bad key and what it expects. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty value means "not set", as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}

/**
 * Reads .env (when present, without overriding the real environment), then parses process.env.
 * A key that looks like a misspelt one of ours is reported through `warn` (see config-warnings.ts).
 */
export function loadConfig(envFile = '.env', warn: (warning: string) => void = warnOnStderr): Config {
  if (existsSync(envFile)) {
    try {
      process.loadEnvFile(envFile);
    } catch (error) {
      throw new ConfigError([`${envFile}: cannot be read (${(error as Error).message})`]);
    }
  }
  for (const warning of nearMissWarnings(process.env, Object.keys(configSchema.shape))) warn(warning);
  return parseConfig(process.env);
}
