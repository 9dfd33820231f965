import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The digest job's time reference: the job as it was before it read due rows one at a time and
 * shared each topic's news across watermarks (the commit below), built from git as this bench
 * builds the current code, and run on the same world seeded by its own code in the same bench run,
 * just after ours. BENCH_DIGEST_REFERENCE=<commit> compares with another commit; `none` skips it.
 */
export const DIGEST_JOB_REFERENCE = process.env.BENCH_DIGEST_REFERENCE ?? '22447b49707d27dc0e3e1f5954dc34c3d0d82d70';

/**
 * The reference commit's bench/digest.ts, bundled as `bundle(entry, outfile)` bundles ours, or
 * null (and why) when there is no git history to take it from.
 */
export async function buildReferenceBench(
  root: string,
  outfile: string,
  bundle: (entry: string, outfile: string) => Promise<void>,
): Promise<{ file: string } | { skipped: string }> {
  if (DIGEST_JOB_REFERENCE === 'none') return { skipped: 'BENCH_DIGEST_REFERENCE=none' };
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-reference-'));
  try {
    const archive = join(dir, 'reference.tar');
    execFileSync('git', ['-C', root, 'archive', '--format=tar', '-o', archive, DIGEST_JOB_REFERENCE], {
      stdio: 'ignore',
    });
    execFileSync('tar', ['-xf', archive, '-C', dir], { stdio: 'ignore' });
    // The reference's imports resolve to this tree's packages, as its bundle does when it runs.
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    const entry = join(dir, 'bench', 'digest.ts');
    if (!existsSync(entry)) return { skipped: `no bench/digest.ts at ${DIGEST_JOB_REFERENCE.slice(0, 7)}` };
    await bundle(entry, outfile);
    return { file: outfile };
  } catch (error) {
    return { skipped: `cannot build ${DIGEST_JOB_REFERENCE.slice(0, 7)}: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
