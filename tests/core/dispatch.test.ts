import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand } from '../../src/core/command.js';
import { APOLOGY, dispatch, dispatchLine } from '../../src/core/dispatch.js';
import { UserError } from '../../src/core/errors.js';
import { textReply } from '../../src/core/reply.js';
import { contextFor, groupChat, member, moderator, testApp } from '../helpers/test-app.js';

const ran: unknown[] = [];
const echo = defineCommand({
  name: 'echo',
  description: 'Repeat words',
  access: 'moderator',
  options: [
    { name: 'count', description: 'How often', type: 'integer', required: true, min: 1, max: 3 },
    { name: 'words', description: 'What to say', type: 'string', required: true },
  ],
  example: '/echo 2 hello there',
  run(_context, args) {
    ran.push(args);
    return textReply(String(args.words).repeat(Number(args.count)));
  },
});
const failing = defineCommand({
  name: 'fail',
  description: 'Fails',
  access: 'anyone',
  options: [
    {
      name: 'how',
      description: 'user or crash',
      type: 'string',
      required: true,
      choices: [
        { name: 'user', value: 'user' },
        { name: 'crash', value: 'crash' },
      ],
    },
  ],
  example: '/fail user',
  run(_context, args) {
    if (args.how === 'user') throw new UserError('you asked for it');
    throw new Error('database exploded');
  },
});
const zone = defineCommand({
  name: 'zone',
  description: 'Timezone check',
  access: 'anyone',
  options: [
    {
      name: 'tz',
      description: 'IANA',
      type: 'string',
      required: true,
      schema: z.string().refine((v) => v === 'UTC', { error: (i) => `'${String(i.input)}' is not a timezone` }),
    },
  ],
  example: '/zone UTC',
  run: () => textReply('ok'),
});
const registry = [echo, failing, zone];

describe('dispatch', () => {
  it('refuses a command the caller may not use, says why, and does not run it', async () => {
    const app = await testApp();
    ran.length = 0;
    const reply = await dispatch(
      registry,
      { command: 'echo', args: { count: 1, words: 'hi' } },
      await contextFor(app, groupChat(), member()),
      app.logger,
    );
    expect(reply).toEqual({ kind: 'error', message: 'Only moderators of this community can do that.' });
    expect(ran).toHaveLength(0);
  });

  it('runs an allowed command with validated, typed arguments', async () => {
    const app = await testApp();
    const reply = await dispatchLine(
      registry,
      '/echo 2 hello there',
      await contextFor(app, groupChat(), moderator()),
      app.logger,
    );
    expect(reply).toEqual({ kind: 'text', text: 'hello therehello there' });
  });

  it('explains every bad argument with the example, without running the command', async () => {
    const app = await testApp();
    ran.length = 0;
    const reply = await dispatchLine(registry, '/echo 7', await contextFor(app, groupChat(), moderator()), app.logger);
    expect(reply?.kind).toBe('error');
    const message = reply?.kind === 'error' ? reply.message : '';
    expect(message).toContain('count must be from 1 to 3, not 7');
    expect(message).toContain('missing words');
    expect(message).toContain('Example: /echo 2 hello there');
    expect(ran).toHaveLength(0);
  });

  it('says a non-number is not a whole number and a wrong choice lists the choices', async () => {
    const app = await testApp();
    const context = await contextFor(app, groupChat(), moderator());
    const bad = await dispatchLine(registry, '/echo lots hi', context, app.logger);
    expect(bad).toMatchObject({
      kind: 'error',
      message: expect.stringContaining("count: 'lots' is not a whole number"),
    });
    const choice = await dispatchLine(registry, '/fail sometimes', context, app.logger);
    expect(choice).toMatchObject({
      kind: 'error',
      message: expect.stringContaining("'sometimes' is not one of: user, crash"),
    });
  });

  it('uses the option schema message for domain checks', async () => {
    const app = await testApp();
    const reply = await dispatchLine(
      registry,
      '/zone Mars/Base',
      await contextFor(app, groupChat(), member()),
      app.logger,
    );
    expect(reply).toMatchObject({ kind: 'error', message: expect.stringContaining("'Mars/Base' is not a timezone") });
  });

  it('shows a UserError as it is and logs nothing', async () => {
    const app = await testApp();
    const reply = await dispatchLine(registry, '/fail user', await contextFor(app, groupChat(), member()), app.logger);
    expect(reply).toEqual({ kind: 'error', message: 'you asked for it' });
    expect(app.logger.entries.filter((entry) => entry.level === 'error')).toHaveLength(0);
  });

  it('answers a crash with a short apology and logs it with its context', async () => {
    const app = await testApp();
    const reply = await dispatchLine(registry, '/fail crash', await contextFor(app, groupChat(), member()), app.logger);
    expect(reply).toEqual({ kind: 'error', message: APOLOGY });
    const logged = app.logger.entries.find((entry) => entry.level === 'error');
    expect(logged?.obj).toMatchObject({
      err: expect.objectContaining({ message: 'database exploded' }),
      chat: 'telegram:-200',
    });
  });

  it('answers an unknown command with a pointer to /help, and ignores ordinary text', async () => {
    const app = await testApp();
    const context = await contextFor(app, groupChat(), member());
    expect(await dispatchLine(registry, '/nothing', context, app.logger)).toEqual({
      kind: 'error',
      message: 'Unknown command /nothing. Try /help.',
    });
    expect(await dispatchLine(registry, 'just chatting', context, app.logger)).toBeNull();
  });
});
