import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import type { Actor } from '../../src/core/domain.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { contextFor, groupChat, member, moderator, testApp } from '../helpers/test-app.js';

/** /help in a group shows each person the commands they may use, grouped, with the short forms among them. */

async function helpFor(actor: Actor, line = '/help'): Promise<string> {
  const app = await testApp();
  const reply = (await dispatchLine(COMMANDS, line, await contextFor(app, groupChat(), actor), app.logger)) as Reply;
  return reply.kind === 'text' ? `${reply.title}\n${reply.text}` : JSON.stringify(reply);
}

const headings = (text: string): string[] =>
  text.split('\n').filter((line) => /^(Reading|Subscribing|Moderating)$/.test(line));

describe('/help', () => {
  it('shows a group member only what they may use: reading, and /subscriptions with its short form', async () => {
    const text = await helpFor(member());
    expect(headings(text)).toEqual(['Reading', 'Subscribing']);
    expect(text).toMatch(/\n {2}\/subscriptions +This chat's subscriptions, their schedules and next digests\n/);
    expect(text).not.toContain('/subscribe ');
    expect(text).not.toContain('/feed');
    expect(text).toContain('\nShort forms: /list = /subscriptions\n');
  });

  it('shows a moderator every group, and explains a command on request', async () => {
    const text = await helpFor(moderator());
    expect(headings(text)).toEqual(['Reading', 'Subscribing', 'Moderating']);
    expect(text).toContain('Short forms: /sub = /subscribe, /unsub = /unsubscribe, /list = /subscriptions');
    expect(await helpFor(member(), '/help unsub')).toContain(
      'Help for /unsubscribe\n/unsubscribe <topic>\n  Stop following a topic in this chat.\n  topic: Topic to stop following, or the address of one of your own feeds\n  Who: people who manage this chat, and moderators.\n  e.g. /unsubscribe world\n  e.g. /unsubscribe https://example.org/feed.xml\n\nAlso typed as /unsub.',
    );
  });
});
