import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import { contextFor, groupChat, member, moderator, operator, privateChat, testApp } from '../helpers/test-app.js';

describe('/topic', () => {
  it('lets a moderator create, describe and narrow a community topic, each change audited', async () => {
    const app = await testApp();
    const context = await contextFor(app, groupChat(), moderator());
    const run = (line: string) => dispatchLine(COMMANDS, line, context, app.logger);
    expect(await run('/topic create "Harbour News" Harbour news')).toMatchObject({
      text: expect.stringContaining("Created topic 'harbour-news' for this community"),
    });
    await run('/topic describe harbour-news Ships, ferries and the port authority');
    expect(await run('/topic keywords harbour-news ferry port -football')).toMatchObject({
      text: "'harbour-news' now has must mention one of: ferry, port; never: football.",
    });
    const topic = await app.stores.topics.findVisible('harbour-news', 'telegram:-200');
    expect(topic).toMatchObject({
      communityId: 'telegram:-200',
      description: 'Ships, ferries and the port authority',
      includeKeywords: ['ferry', 'port'],
      excludeKeywords: ['football'],
    });
    expect((await app.stores.audit.list()).map((entry) => [entry.action, entry.actorId, entry.communityId])).toEqual([
      ['topic.keywords', 'telegram:2', 'telegram:-200'],
      ['topic.describe', 'telegram:2', 'telegram:-200'],
      ['topic.create', 'telegram:2', 'telegram:-200'],
    ]);
  });

  it('refuses a member, says why, and changes nothing', async () => {
    const app = await testApp();
    const reply = await dispatchLine(
      COMMANDS,
      '/topic create gossip',
      await contextFor(app, groupChat(), member()),
      app.logger,
    );
    expect(reply).toEqual({ kind: 'error', message: 'Only moderators of this community can do that.' });
    expect(await app.stores.topics.listVisible('telegram:-200')).toEqual([]);
    expect(await app.stores.audit.list()).toEqual([]);
  });

  it('keeps global topics for the operator: a community moderator cannot change one', async () => {
    const app = await testApp();
    await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    const reply = await dispatchLine(
      COMMANDS,
      '/topic describe world Mine now',
      await contextFor(app, groupChat(), moderator()),
      app.logger,
    );
    expect(reply).toEqual({
      kind: 'error',
      message: "'world' is a global topic: only the bot's operator can change it.",
    });
    expect((await app.stores.topics.findVisible('world', null))?.description).toBe('');
    const byOperator = await dispatchLine(
      COMMANDS,
      '/topic describe world Diplomacy',
      await contextFor(app, privateChat('console:local'), operator()),
      app.logger,
    );
    expect(byOperator?.kind).toBe('text');
    expect((await app.stores.topics.findVisible('world', null))?.description).toBe('Diplomacy');
  });

  it('refuses a community moderator changing another community’s topic', async () => {
    const app = await testApp();
    await app.stores.topics.create({ slug: 'chess', name: 'Chess', communityId: 'telegram:-999' });
    const reply = await dispatchLine(
      COMMANDS,
      '/topic delete chess',
      await contextFor(app, groupChat(), moderator()),
      app.logger,
    );
    expect(reply).toMatchObject({ kind: 'error', message: expect.stringContaining("unknown topic 'chess'") });
    expect(await app.stores.topics.findVisible('chess', 'telegram:-999')).not.toBeNull();
  });

  it('deletes a topic with its subscriptions, and explains a missing or misspelt slug', async () => {
    const app = await testApp();
    const context = await contextFor(app, groupChat(), moderator());
    await dispatchLine(COMMANDS, '/topic create ukraine', context, app.logger);
    expect(await dispatchLine(COMMANDS, '/topic delete ukrane', context, app.logger)).toEqual({
      kind: 'error',
      message: "unknown topic 'ukrane' — did you mean 'ukraine'?",
    });
    expect(await dispatchLine(COMMANDS, '/topic delete', context, app.logger)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('missing slug'),
    });
    expect(await dispatchLine(COMMANDS, '/topic delete ukraine', context, app.logger)).toMatchObject({ kind: 'text' });
    expect(await app.stores.topics.findVisible('ukraine', 'telegram:-200')).toBeNull();
  });

  it('lets nobody but the operator create a global topic from a private chat', async () => {
    const app = await testApp();
    const reply = await dispatchLine(
      COMMANDS,
      '/topic create mine',
      await contextFor(app, privateChat(), moderator()),
      app.logger,
    );
    expect(reply).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('only the operator can create global topics'),
    });
    expect(await app.stores.topics.listVisible(null)).toEqual([]);
  });
});
