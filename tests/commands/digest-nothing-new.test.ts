import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { contextFor, groupChat, member, moderator, testApp } from '../helpers/test-app.js';

/**
 * An empty /digest says what is true: before any digest went out, when the first comes and what
 * it will hold; afterwards, that nothing is new since the last one and when the next comes.
 */

async function setup() {
  const app = await testApp();
  await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
  const as = (actor: ReturnType<typeof member>) => async (line: string) => {
    const reply = (await dispatchLine(COMMANDS, line, await contextFor(app, groupChat(), actor), app.logger)) as Reply;
    return reply.kind === 'text' ? reply.text : JSON.stringify(reply);
  };
  return { app, mod: as(moderator()), member: as(member()) };
}

describe('/digest with nothing new', () => {
  it('says "since the last digest" once the first scheduled digest has passed', async () => {
    const { app, mod, member } = await setup();
    await mod('/subscribe world hourly');
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000).toISOString();
    app.db.prepare(`UPDATE subscriptions SET created_at = ?`).run(twoDaysAgo);
    expect(await member('/digest')).toMatch(
      /^Nothing new for this chat since the last digest\. The next digest comes \w+ \d+ \w+ at \d\d:00 \(UTC\)\.$/,
    );
  });

  it('says each story comes as it arrives for an instant subscription with nothing yet', async () => {
    const { mod, member } = await setup();
    await mod('/subscribe world instant');
    expect(await member('/digest')).toBe(
      'No digest has been sent here yet, and no new story has arrived since this chat subscribed. Each new story is sent within a minute of its arrival. /latest shows the newest stories now.',
    );
  });
});
