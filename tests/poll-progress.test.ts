import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { runBot } from '../src/main.js';
import { pollProgress } from '../src/poll-progress.js';
import { recordingLogger, tempDir } from './helpers/test-app.js';

/** A stream that keeps what was written, in order with the other streams of the run. */
function stream(name: string, events: string[], isTTY: boolean) {
  return Object.assign(new PassThrough(), {
    isTTY,
    write(chunk: string | Uint8Array) {
      events.push(`${name}:${String(chunk)}`);
      return true;
    },
  });
}

/** `npm start` with no token, on the sample catalogue (four local feeds), answering one piped line. */
async function startConsole(stderrIsTerminal: boolean) {
  const events: string[] = [];
  const config = parseConfig({ DATABASE_PATH: join(tempDir(), 'bot.db'), LOG_LEVEL: 'silent' });
  const stdin = new PassThrough();
  stdin.end('/topics\n');
  const io = { stdin, stdout: stream('out', events, false), stderr: stream('err', events, stderrIsTerminal) };
  expect(await runBot(config, recordingLogger(), io)).toBe(0);
  return events;
}

describe('the first poll of npm start', () => {
  it('shows its progress on a terminal, then clears the line before the first answer', async () => {
    const events = await startConsole(true);
    const progress = events.filter((event) => event.startsWith('err:'));
    expect(progress[0]).toBe('err:\r\x1b[2Kpolling 4 feeds… 0/4');
    expect(progress).toContain('err:\r\x1b[2Kpolling 4 feeds… 4/4');
    const cleared = events.indexOf('err:\r\x1b[2K');
    const answered = events.findIndex((event) => event.includes('Topics you can subscribe to'));
    expect(cleared).toBeGreaterThan(events.indexOf('err:\r\x1b[2Kpolling 4 feeds… 4/4'));
    expect(answered).toBeGreaterThan(cleared);
  });

  it('writes no progress when stderr is not a terminal (piped, a service log)', async () => {
    const events = await startConsole(false);
    expect(events.filter((event) => event.startsWith('err:'))).toEqual([]);
    expect(events.some((event) => event.includes('Topics you can subscribe to'))).toBe(true);
  });

  it('stays silent when nothing is due', () => {
    const written: string[] = [];
    const progress = pollProgress({ isTTY: true, write: (text: string) => written.push(text) });
    progress.update(0, 0);
    progress.end();
    expect(written).toEqual([]);
  });
});
