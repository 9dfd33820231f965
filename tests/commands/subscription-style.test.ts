import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { DEFAULT_STYLE, type ChatRef } from '../../src/core/domain.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { renderReplyText } from '../../src/platforms/console/render.js';
import { addStories } from '../helpers/digest-seed.js';
import { contextFor, groupChat, moderator, operator, testApp } from '../helpers/test-app.js';

const consoleChat: ChatRef = { id: 'console:local', platform: 'console', kind: 'private', communityId: null };
const quotes = [
  { text: 'The bridge joins the valley', speaker: 'Tom Varga', paragraph: 1 },
  { text: 'We start in March', speaker: 'Ana Ruiz', paragraph: 2 },
  { text: 'It is paid for', speaker: 'Mia Holt', paragraph: 3 },
];

async function setup(chat: ChatRef = consoleChat) {
  const app = await testApp();
  const world = await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
  const run = async (line: string): Promise<string> =>
    renderReplyText((await dispatchLine(COMMANDS, line, await contextFor(app, chat, operator()), app.logger)) as Reply);
  const style = async () => (await app.stores.subscriptions.find(chat.id, world.id))!.style;
  return { app, world, run, style };
}

describe('subscription settings on the console', () => {
  it('keeps today’s look for a plain /subscribe', async () => {
    const { run, style } = await setup();
    expect(await run('/subscribe world daily 08:00 UTC')).toMatch(/up to 8 stories\.\n/);
    expect(await style()).toEqual(DEFAULT_STYLE);
  });

  it('takes format, quotes and silent after the schedule, and /subscriptions lists what differs from the defaults', async () => {
    const { run, style } = await setup();
    const answer = await run('/subscribe world daily 08:00 Europe/London format compact quotes 1 silent');
    expect(answer).toContain('daily 08:00 (Europe/London), up to 8 stories; format compact, quotes 1, silent.');
    expect(await style()).toEqual({ ...DEFAULT_STYLE, format: 'compact', quotes: 1, silent: true });
    expect(await run('/subscriptions')).toContain(
      'world — daily 08:00 (Europe/London), up to 8 stories; format compact, quotes 1, silent',
    );
    // Subscribing again with only a new schedule keeps the settings.
    await run('/subscribe world hourly');
    expect(await style()).toMatchObject({ format: 'compact', quotes: 1, silent: true });
  });

  it('shows the settings with /settings <topic> and changes them with words', async () => {
    const { app, run, style } = await setup();
    await run('/subscribe world');
    const shown = await run('/settings world');
    expect(shown).toContain('format: full — headline, key quotes, outlets');
    expect(shown).toContain('quotes: 2 per story');
    expect(shown).toContain('Change: /settings world format compact quotes 1 silent on');
    const changed = await run('/settings world quotes 3 previews on images off silent on');
    expect(changed).toMatch(/^World \(world\) in this chat\nSaved: quotes 3, previews on, silent on, images off\./);
    expect(await style()).toEqual({ ...DEFAULT_STYLE, quotes: 3, previews: true, silent: true, images: false });
    expect((await app.stores.audit.list()).find((entry) => entry.action === 'subscription.settings')).toMatchObject({
      detail: 'world: quotes 3, previews on, silent, images off',
    });
    await run('/settings world silent off');
    expect((await style()).silent).toBe(false);
  });

  it('answers a wrong setting, a quote count out of range and a topic not followed with a clear message, changing nothing', async () => {
    const { run, style } = await setup();
    await run('/subscribe world');
    expect(await run('/settings world colour blue')).toMatch(
      /'colour blue' is not a setting — use format full\|compact/,
    );
    expect(await run('/settings world quotes 5')).toMatch(/'5' is not a number of quotes from 0 to 3/);
    expect(await run('/subscribe world format tiny')).toMatch(/'tiny' is not a format/);
    expect(await run('/settings sport')).toMatch(/unknown topic 'sport'/);
    expect(await style()).toEqual(DEFAULT_STYLE);
  });

  it('refuses mention outside Discord, saying it is Discord-only', async () => {
    const { run, style } = await setup(groupChat());
    expect(await run('/subscribe world daily 08:00 mention @News')).toMatch(/mention is Discord-only/);
    await run('/subscribe world');
    expect(await run('/settings world mention <@&4242424242>')).toMatch(/mention is Discord-only/);
    expect((await style()).mentionRoleId).toBeNull();
  });

  it('previews a compact digest as headlines and links, and a full one with the number of quotes asked for', async () => {
    const { app, world, run } = await setup();
    await run('/subscribe world format compact');
    await addStories(app, world, [{ headline: 'Council approves the new bridge', quotes }]);
    const compact = await run('/digest world');
    expect(compact).toContain('• Council approves the new bridge — https://news.example/world/0');
    expect(compact).not.toContain('Tom Varga');
    expect(compact).not.toContain('Example News');

    await run('/settings world format full quotes 1');
    const one = await run('/digest world');
    expect(one).toContain('“The bridge joins the valley” — Tom Varga');
    expect(one).not.toContain('Ana Ruiz');

    await run('/settings world quotes 3');
    const three = await run('/digest world');
    for (const speaker of ['Tom Varga', 'Ana Ruiz', 'Mia Holt']) expect(three).toContain(speaker);

    await run('/settings world quotes 0');
    const none = await run('/digest world');
    expect(none).toContain('Council approves the new bridge');
    expect(none).not.toContain('“');
  });

  it('lists the followed topics as the usage when /settings has no topic', async () => {
    const { run } = await setup();
    expect(await run('/settings')).toMatch(/follows no topics/);
    await run('/subscribe world');
    expect(await run('/settings')).toBe('Usage: /settings <topic> [changes]\nTopics: world');
  });
});

describe('subscription settings for moderators', () => {
  it('lets only a chat manager change them', async () => {
    const app = await testApp();
    await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    const as =
      (actor = moderator()) =>
      async (line: string) =>
        dispatchLine(COMMANDS, line, await contextFor(app, groupChat(), actor), app.logger) as Promise<Reply>;
    await as()('/subscribe world');
    const refused = await as({ ...moderator(), isModerator: false, canManageChat: false })('/settings world quotes 1');
    expect(refused).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/Only people who manage this chat/),
    });
  });
});
