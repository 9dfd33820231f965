import { spawn } from 'node:child_process';

/**
 * Runs a crash-test child (`node --import tsx <child> ...args`). When `killAfterReadyMs` is given,
 * the child is killed with SIGKILL that long after it prints `ready` (its first send has started):
 * the clock starts at a signal from the child, never at its spawn, so a slow start on a busy
 * machine cannot turn a kill into a run that never happened. Resolves with the child's last
 * `phase:` line and whether it was killed.
 */
export function runCrashChild(
  child: string,
  args: string[],
  killAfterReadyMs: number | null,
): Promise<{ phase: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let phase = 'not started';
    let stderr = '';
    let stdout = '';
    let timer: NodeJS.Timeout | null = null;
    process_.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const phases = stdout.match(/phase:(\w+)/g);
      if (phases) phase = phases.at(-1)!.slice('phase:'.length);
      if (killAfterReadyMs !== null && timer === null && /^ready$/m.test(stdout)) {
        timer = setTimeout(() => process_.kill('SIGKILL'), killAfterReadyMs);
      }
    });
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process_.on('error', reject);
    process_.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ phase, killed: true });
      else if (code === 0) resolve({ phase, killed: false });
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
}
