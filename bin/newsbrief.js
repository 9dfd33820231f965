#!/usr/bin/env node
// Runs the compiled bot in dist/, which `npm run build` makes (and `npm install` runs it). To run
// the TypeScript sources instead, during development: `npm run dev` or `npx tsx src/cli/run.ts`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/newsbrief.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('newsbrief: dist/ is missing: run `npm run build` (npm install does it too).\n');
  process.exit(1);
}
await import(entry.href);
