import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The operator's entry; it runs dist/, which tests/global-setup.ts builds before the tests. */
export const BIN = fileURLToPath(new URL('../../bin/newsbrief.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `newsbrief <args>` in a child process with piped input and a clean, explicit environment. */
export function runCli(
  args: string[],
  options: {
    input?: string;
    env?: Record<string, string>;
    cwd?: string;
    timeoutMs?: number;
    /** Node options before the entry, e.g. `--import` a module recorder. */
    nodeArgs?: string[];
  } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`newsbrief ${args.join(' ')} did not finish:\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
