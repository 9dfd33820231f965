#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader: no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
process.exitCode = await main(process.argv.slice(2), io);
