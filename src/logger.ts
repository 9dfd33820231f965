import { createRequire } from 'node:module';
import pino from 'pino';
import type PinoPretty from 'pino-pretty';
import type { Logger } from './core/ports.js';

export interface LoggerOptions {
  level: string;
  /** auto: readable on a terminal, JSON otherwise. */
  format: 'auto' | 'pretty' | 'json';
  /** Where log lines go; the console platform keeps stdout for the chat, so logs default to stderr. */
  destination?: number;
}

/** pino, readable in a terminal (pino-pretty) and JSON lines otherwise. */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? 2;
  const pretty = options.format === 'pretty' || (options.format === 'auto' && process.stderr.isTTY === true);
  if (pretty) {
    // Formatted in this thread, synchronously, and loaded only here: no transport worker thread to
    // start, pino can be bundled (its transports resolve files at run time), and JSON logging and
    // the console never read pino-pretty.
    const prettyStream = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
    return pino(
      { level: options.level },
      prettyStream({ destination, colorize: true, translateTime: 'SYS:HH:MM:ss', sync: true }),
    ) as unknown as Logger;
  }
  return pino({ level: options.level }, pino.destination({ fd: destination, sync: true })) as unknown as Logger;
}

/** A logger that drops everything: for tests and tools that must print nothing else. */
export const silentLogger: Logger = pino({ level: 'silent' }) as unknown as Logger;
