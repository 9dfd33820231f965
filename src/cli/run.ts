import * as z from 'zod';
import { main } from './index.js';

/** The process entry: `bin/newsbrief.js` runs its build (dist/newsbrief.js); development runs it through tsx. */

// zod compiles each object schema to a function on its first parse; a process parses most of them
// once (the environment, each command's definition), so interpreting them is cheaper at start.
z.config({ jitless: true });

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
process.exitCode = await main(process.argv.slice(2), io);
