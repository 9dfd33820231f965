import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import type { ChatRef } from '../../src/core/domain.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import type { Reply } from '../../src/core/reply.js';
import { recordingMessenger } from '../helpers/recording-messenger.js';
import { insertStory } from '../helpers/story-fixtures.js';
import { contextFor, groupChat, member, moderator, testApp } from '../helpers/test-app.js';

type App = Awaited<ReturnType<typeof testApp>>;

async function setup() {
  const app = await testApp();
  const world = await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
  const ukraine = await app.stores.topics.create({ slug: 'ukraine', name: 'Ukraine', communityId: null });
  const recorder = recordingMessenger({ platform: 'telegram' });
  app.digest.addMessenger(recorder.messenger);
  const as =
    (actor = moderator(), chat: ChatRef = groupChat()) =>
    async (line: string) =>
      dispatchLine(COMMANDS, line, await contextFor(app, chat, actor), app.logger) as Promise<Reply>;
  return { app, world, ukraine, recorder, mod: as(), member: as(member()), as };
}

const text = (reply: Reply): string =>
  reply.kind === 'text' ? reply.text : reply.kind === 'error' ? `error: ${reply.message}` : JSON.stringify(reply);
const subscriptionsOf = (app: App, chat = 'telegram:-200') => app.stores.subscriptions.listForChat(chat);
const actions = async (app: App) => (await app.stores.audit.list()).map((entry) => entry.action);
const localClock = (iso: string, timezone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

describe('/subscribe', () => {
  it('follows a topic on a schedule and timezone, says when the next digest comes, and audits it', async () => {
    const { app, mod } = await setup();
    await mod('/timezone Europe/London');
    const reply = text(await mod('/subscribe world daily 08:00 Europe/London'));
    expect(reply).toMatch(
      /^This chat now follows World \(world\): daily 08:00 \(Europe\/London\), up to 8 stories\.\nNext digest: \w+ \d+ \w+ at 08:00 \(Europe\/London\)\.$/,
    );
    // In another timezone than the chat's: both clocks.
    expect(text(await mod('/subscribe ukraine daily 08:00 Asia/Tokyo'))).toMatch(
      /\nNext digest: \w+ \d+ \w+ at (23|00):00 \(Europe\/London\); \w+ \d+ \w+ at 08:00 \(Asia\/Tokyo\)\.$/,
    );
    const [, subscription] = await subscriptionsOf(app);
    expect(subscription).toMatchObject({ schedule: 'daily 08:00', timezone: 'Europe/London', cap: 8 });
    const next = Date.parse(subscription!.nextRunAt!);
    expect(next).toBeGreaterThan(Date.now());
    expect(next - Date.now()).toBeLessThanOrEqual(25 * 3600_000);
    expect(localClock(subscription!.nextRunAt!, 'Europe/London')).toBe('08:00');
    expect((await app.stores.audit.list())[1]).toMatchObject({
      action: 'subscription.create',
      actorId: 'telegram:2',
      chatId: 'telegram:-200',
      detail: 'world: daily 08:00 (Europe/London), up to 8 stories',
    });
  });

  it('defaults to daily 08:00 in the chat’s timezone, and changes an existing subscription in place', async () => {
    const { app, mod } = await setup();
    await mod('/timezone Asia/Tokyo');
    expect(text(await mod('/subscribe world'))).toContain('daily 08:00 (Asia/Tokyo)');
    expect(text(await mod('/subscribe world 0 7 * * 1-5 max 5'))).toMatch(
      /^Updated World \(world\): 0 7 \* \* 1-5 \(Asia\/Tokyo\), up to 5 stories/,
    );
    expect(text(await mod('/subscribe world instant'))).toContain('Next digest: within a minute of each new story');
    expect(await subscriptionsOf(app)).toEqual([
      expect.objectContaining({ schedule: 'instant', timezone: 'Asia/Tokyo', cap: 5 }),
    ]);
    expect(await actions(app)).toEqual([
      'subscription.update',
      'subscription.update',
      'subscription.create',
      'chat.timezone',
    ]);
  });

  it('explains bad arguments and changes nothing', async () => {
    const { app, mod } = await setup();
    expect(text(await mod('/subscribe world daily 25:00'))).toContain("'25:00' is not a time");
    expect(text(await mod('/subscribe world daily 08:00 Mars/Base'))).toContain("'Mars/Base' is not a timezone");
    expect(text(await mod('/subscribe ukrane'))).toBe("error: unknown topic 'ukrane' — did you mean 'ukraine'?");
    expect(text(await mod('/subscribe world fortnightly'))).toContain("'fortnightly' is not a schedule");
    // Typed on one line, "every morning" reads as schedule "every" and timezone "morning": the schedule is what is wrong.
    expect(text(await mod('/subscribe world every morning'))).toBe(
      "error: 'every morning' is not a schedule — use instant, hourly, daily 08:00, weekdays 08:00, weekly mon 08:00 or a cron expression such as 0 8 * * 1-5.\nA timezone, if you add one, goes last: daily 08:00 Europe/London",
    );
    expect(text(await mod('/subscribe world hourly Atlantis'))).toContain("'Atlantis' is not a timezone");
    expect(text(await mod('/subscribe world daily 08:00 Londn'))).toBe(
      "error: 'Londn' is not a timezone — use an IANA name such as Europe/London",
    );
    expect(text(await mod('/subscribe world 61 8 * * *'))).toContain('is not a cron expression this bot can use');
    expect(text(await mod('/subscribe world hourly max 40'))).toContain("'40' is not a number of stories from 1 to 25");
    expect(await subscriptionsOf(app)).toEqual([]);
    expect(await app.stores.audit.list()).toEqual([]);
  });

  it('refuses a member, says why, and changes nothing', async () => {
    const { app, member } = await setup();
    expect(await member('/subscribe world')).toEqual({
      kind: 'error',
      message: 'Only people who manage this chat (or moderators) can change its subscriptions.',
    });
    expect(await subscriptionsOf(app)).toEqual([]);
    expect(await app.stores.audit.list()).toEqual([]);
  });

  it('offers a button per topic not yet followed when no topic is given, and the list as text on the console', async () => {
    const { app, mod, as } = await setup();
    await mod('/subscribe ukraine');
    expect(await mod('/subscribe')).toEqual({
      kind: 'text',
      text: expect.stringContaining('Which topic should this chat follow?'),
      choices: [{ label: 'World', command: '/subscribe world' }],
    });
    const console = as(moderator(), { id: 'console:local', platform: 'console', kind: 'private', communityId: null });
    expect(await console('/subscribe')).toEqual({
      kind: 'text',
      text: 'Usage: /subscribe <topic> [schedule] [timezone]\nTopics: ukraine, world',
    });
    expect(await subscriptionsOf(app)).toHaveLength(1);
  });
});

describe('/unsubscribe and /subscriptions', () => {
  it('lists this chat’s subscriptions with schedule and next run, for anyone, and stops one for a manager', async () => {
    const { app, mod, member } = await setup();
    expect(text(await member('/subscriptions'))).toContain('This chat follows no topics yet.');
    await mod('/subscribe world weekly mon 09:30 UTC');
    await mod('/subscribe ukraine hourly');
    const listed = await member('/subscriptions');
    expect(listed).toMatchObject({ kind: 'text', title: 'This chat follows' });
    expect(text(listed)).toMatch(
      /^ukraine — hourly \(UTC\), up to 8 stories\n {4}next: \w+ \d+ \w+ at \d\d:00 \(UTC\)\nworld — weekly mon 09:30 \(UTC\), up to 8 stories\n {4}next: Monday \d+ \w+ at 09:30 \(UTC\)$/,
    );

    expect(await member('/unsubscribe world')).toMatchObject({ kind: 'error' });
    expect(await subscriptionsOf(app)).toHaveLength(2);
    expect(text(await mod('/unsubscribe world'))).toBe('This chat no longer follows World (world).');
    expect(text(await mod('/unsubscribe world'))).toContain("This chat does not follow 'world'");
    expect(text(await mod('/unsubscribe wrold'))).toContain("did you mean 'world'?");
    expect((await subscriptionsOf(app)).map((subscription) => subscription.topicId)).toEqual([
      (await app.stores.topics.findVisible('ukraine', null))!.id,
    ]);
    expect((await actions(app))[0]).toBe('subscription.delete');
  });
});

describe('/digest', () => {
  it('shows the digest as it would be sent, to anyone, without moving any watermark', async () => {
    const { app, world, mod, member } = await setup();
    await mod('/subscribe world');
    // Nothing was ever sent: not "since the last digest", but when the first one comes and what it holds.
    expect(text(await member('/digest'))).toMatch(
      /^No digest has been sent here yet, and no new story has arrived since this chat subscribed\. The first digest comes \w+ \d+ \w+ at 08:00 \(UTC\), with up to 8 of the stories that arrive until then\. \/latest shows the newest stories now\.$/,
    );
    expect(text(await member('/digest world'))).toMatch(
      /^No World digest has been sent here yet, and no new World story/,
    );
    insertStory(app.db, {
      topicIds: [world.id],
      headline: 'Bridge opens',
      keyQuotes: [{ text: 'A great day', speaker: 'Mayor' }],
    });
    const before = (await subscriptionsOf(app))[0]!.watermark;
    const preview = await member('/digest world');
    expect(preview).toMatchObject({
      kind: 'digest',
      digest: {
        chatId: 'telegram:-200',
        title: expect.stringMatching(
          /^Preview of this chat's next World digest as it stands on \w+ \d+ \w+; nothing is sent\.$/,
        ),
      },
    });
    const entry = preview.kind === 'digest' ? preview.digest.sections[0]!.entries[0] : null;
    expect(entry).toMatchObject({ headline: 'Bridge opens', quotes: [{ text: 'A great day', speaker: 'Mayor' }] });
    expect((await subscriptionsOf(app))[0]!.watermark).toBe(before);
    expect((await app.stores.outbox.counts()).pending).toBe(0);
    expect(text(await member('/digest ukraine'))).toBe(
      'No stories in Ukraine yet. Feeds are polled every few minutes.',
    );
  });

  it('shows a topic the chat does not follow as a sample digest of its newest stories, recording nothing', async () => {
    const { app, ukraine, member } = await setup();
    // Stored by a feed's first poll: never pushed, but fine to show on request.
    insertStory(app.db, {
      topicIds: [ukraine.id],
      headline: 'Grain corridor reopens',
      eligible: false,
      keyQuotes: [{ text: 'The ships are moving again,', speaker: 'Olena Marchuk' }],
    });
    const sample = await member('/digest ukraine');
    expect(sample).toMatchObject({
      kind: 'digest',
      digest: {
        title:
          'This chat does not follow Ukraine, so here are its newest stories as a digest would show them. /subscribe ukraine sends new ones on a schedule.',
      },
    });
    const entry = sample.kind === 'digest' ? sample.digest.sections[0]!.entries[0] : null;
    expect(entry).toMatchObject({
      headline: 'Grain corridor reopens',
      quotes: [{ text: 'The ships are moving again.', speaker: 'Olena Marchuk' }],
    });
    expect(await subscriptionsOf(app)).toEqual([]);
    expect((await app.stores.outbox.counts()).pending).toBe(0);
    expect(app.db.prepare(`SELECT count(*) AS n FROM deliveries`).get()).toEqual({ n: 0 });
  });

  it('sends it now for a manager and counts it as sent; refuses a member and changes nothing', async () => {
    const { app, world, mod, member } = await setup();
    await mod('/subscribe world');
    insertStory(app.db, { topicIds: [world.id], headline: 'Bridge opens' });
    expect(await member('/digest world send')).toEqual({
      kind: 'error',
      message: 'Only people who manage this chat (or moderators) can change its subscriptions.',
    });
    expect((await app.stores.outbox.counts()).pending).toBe(0);
    expect(await actions(app)).toEqual(['subscription.create']);

    expect(text(await mod('/digest world send'))).toBe('Sending 1 story in 1 message; they count as delivered.');
    expect((await app.stores.outbox.counts()).pending).toBe(1);
    expect(app.db.prepare(`SELECT count(*) AS n FROM deliveries WHERE chat_id = 'telegram:-200'`).get()).toEqual({
      n: 1,
    });
    expect(text(await member('/digest'))).toMatch(
      /^Nothing new for this chat since the last digest\. The next digest comes \w+ \d+ \w+ at 08:00 \(UTC\)\.$/,
    );
    expect(text(await mod('/digest send'))).toBe('Nothing new to send for this chat.');
    expect((await actions(app))[0]).toBe('digest.send');
  });
});

describe('/pause, /resume and /timezone', () => {
  it('pauses deliveries, holding waiting messages, and resumes them, for managers only', async () => {
    const { app, world, mod, member } = await setup();
    await mod('/subscribe world');
    insertStory(app.db, { topicIds: [world.id] });
    await mod('/digest send');
    expect(await member('/pause')).toMatchObject({ kind: 'error' });
    expect((await app.stores.chats.get('telegram:-200'))!.pausedAt).toBeNull();

    expect(text(await mod('/pause'))).toBe(
      'Deliveries paused: no digest will be built or sent here until /resume. 1 waiting message is kept for then.',
    );
    expect(await app.stores.chats.get('telegram:-200')).toMatchObject({
      pausedReason: 'paused by moderator with /pause',
    });
    expect(await app.stores.outbox.counts()).toMatchObject({ pending: 0, held: 1 });
    expect(text(await mod('/pause'))).toContain('already paused');
    expect(text(await member('/subscriptions'))).toContain(
      'Deliveries here are paused (paused by moderator with /pause)',
    );

    expect(await member('/resume')).toMatchObject({ kind: 'error' });
    expect(await app.stores.outbox.counts()).toMatchObject({ held: 1 });
    expect(text(await mod('/resume'))).toContain('Deliveries resumed. 1 held message goes out now.');
    expect(await app.stores.outbox.counts()).toMatchObject({ pending: 1, held: 0 });
    expect(text(await mod('/resume'))).toBe('Deliveries here are not paused.');
    expect((await actions(app)).slice(0, 2)).toEqual(['chat.resume', 'chat.pause']);
  });

  it('sets the chat’s timezone, moving the subscriptions that followed it; refuses members and bad names', async () => {
    const { app, mod, member } = await setup();
    await mod('/subscribe world daily 07:00');
    await mod('/subscribe ukraine daily 07:00 America/New_York');
    expect(text(await member('/timezone Europe/Paris'))).toContain('error:');
    expect(text(await mod('/timezone Mars/Base'))).toContain("'Mars/Base' is not a timezone");
    expect((await app.stores.chats.get('telegram:-200'))!.timezone).toBeNull();

    expect(text(await mod('/timezone europe/paris'))).toBe(
      "This chat's timezone is now Europe/Paris. 1 subscription now runs on Europe/Paris time.",
    );
    expect((await app.stores.chats.get('telegram:-200'))!.timezone).toBe('Europe/Paris');
    const [ukraine, world] = await subscriptionsOf(app);
    expect(world).toMatchObject({ timezone: 'Europe/Paris' });
    expect(localClock(world!.nextRunAt!, 'Europe/Paris')).toBe('07:00');
    expect(ukraine).toMatchObject({ timezone: 'America/New_York' });
    expect((await app.stores.audit.list())[0]).toMatchObject({ action: 'chat.timezone', detail: 'UTC → Europe/Paris' });
  });
});
