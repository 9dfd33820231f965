import { main } from './index.js';

/** The process entry: `bin/newsbrief.js` runs its build (dist/newsbrief.js); development runs it through tsx. */
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
process.exitCode = await main(process.argv.slice(2), io);
