import { PassThrough } from 'node:stream';
import { COMMANDS } from '../../commands/index.js';
import type { App } from '../../src/main.js';
import { runConsole } from '../../src/platforms/console/console-platform.js';

/**
 * Types `lines` into the console over `app` (not a terminal unless `output` is one) and returns
 * everything the console wrote.
 */
export async function typeIntoConsole(
  app: App,
  lines: readonly string[],
  output: PassThrough = new PassThrough(),
): Promise<string> {
  const input = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const session = runConsole({
    input,
    output,
    services: app.services,
    commands: COMMANDS,
    logger: app.logger,
    interactive: false,
  });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await session.done;
  return written;
}
