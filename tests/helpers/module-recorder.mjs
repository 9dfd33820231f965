// `node --import ./module-recorder.mjs …`: appends the URL of every module the process (and its
// worker threads, which inherit the flag) loads to the file named by NEWSBRIEF_MODULE_LOG.
import { register } from 'node:module';

register('./module-recorder-hooks.mjs', import.meta.url, { data: { log: process.env.NEWSBRIEF_MODULE_LOG } });
