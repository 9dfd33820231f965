import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { BIN } from './cli.js';

/**
 * `newsbrief start` (or another subcommand: `deliver`) in a child process with an explicit
 * environment, its output collected, and ways to wait for a log line and for the exit: tests wait
 * for what the bot says, never for time.
 */
export function startBot(env: Record<string, string>, subcommand = 'start', args: readonly string[] = []) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, subcommand, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_FORMAT: 'json', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    output: () => output,
    /** Resolves once `pattern` has matched `count` times in the output; rejects (with the output) after `timeoutMs`. */
    waitFor(pattern: RegExp, count = 1, timeoutMs = 30_000): Promise<void> {
      const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if ((output.match(global)?.length ?? 0) < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${count}× ${pattern} in the bot's output:\n${output}`));
        }, timeoutMs);
        waiters.add(check);
        check();
        void exited.then(() => {
          if (!waiters.has(check)) return;
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`the bot exited before ${count}× ${pattern}:\n${output}`));
        });
      });
    },
    /** Sends `signal` and resolves with the exit code and how long the exit took, ms. */
    async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; ms: number }> {
      const sent = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const [code] = await exited;
      return { code, ms: Date.now() - sent };
    },
    exited,
  };
}

/** A port on 127.0.0.1 that nothing listens on (a server's port, closed again). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
