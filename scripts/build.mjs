// `npm run build` (and `npm install`, through `prepare`): bundles the bot into dist/ with esbuild.
// Why esbuild and not tsc: see the README's "Build" section. `node scripts/build.mjs <dir>` builds
// into another folder.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = resolve(root, process.argv[2] ?? 'dist');

// Kept as real imports from node_modules: native code (better-sqlite3), pino-pretty (required by
// name on a terminal only), and the SDKs, which only `start` with a token and `register-commands`
// load. Everything else is bundled: one file read instead of dozens of module lookups each.
const external = ['better-sqlite3', 'pino-pretty', 'discord.js', 'grammy', '@grammyjs/*'];

let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  console.error(
    'newsbrief build: esbuild is missing. It is a dev dependency: install with them (npm ci), build, then\n' +
      'npm prune --omit=dev. `npm ci --omit=dev` alone cannot build (see the README, "Production install").',
  );
  process.exit(1);
}

mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  // The worker-thread entry is emitted next to the chunks: worker-pool finds ./task-worker.js
  // beside its own module, as it finds task-worker.ts beside itself in the sources.
  entryPoints: { newsbrief: 'src/cli/run.ts', 'task-worker': 'src/ingest/task-worker.ts' },
  outdir,
  bundle: true,
  // Each dynamic import() becomes its own chunk: what a command does not use is never read.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  legalComments: 'none',
  chunkNames: '[name]-[hash]',
  metafile: true,
  // Bundled CommonJS packages call require() for Node's built-ins; ES modules need one made.
  banner: {
    js: "import { createRequire as __newsbriefRequire } from 'node:module'; const require = __newsbriefRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// Remove chunks of earlier builds only now, so a running bot or test never finds dist/ half empty.
const fresh = new Set(Object.keys(result.metafile.outputs).map((file) => basename(file)));
for (const file of readdirSync(outdir)) if (!fresh.has(file)) rmSync(resolve(outdir, file), { recursive: true });
