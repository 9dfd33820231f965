import { PassThrough } from 'node:stream';
import { WriteStream } from 'node:tty';
import { describe, expect, it } from 'vitest';
import { insertStory } from '../helpers/story-fixtures.js';
import { typeIntoConsole } from '../helpers/console-session.js';
import { testApp } from '../helpers/test-app.js';

/**
 * The console as a person meets it: a terminal (colour, unless NO_COLOR says no) or a pipe
 * (plain text), the grouped /help, the welcome, the short forms and the wording of replies.
 */

// eslint-disable-next-line no-control-regex -- looking for terminal escapes
const ESCAPE = /\u001b\[/;

/**
 * A terminal as far as the console can tell: isTTY, and Node's own tty hasColors() read against
 * `env` (TERM, NO_COLOR, …) rather than this process's environment.
 */
function fakeTerminal(
  env: Record<string, string>,
): PassThrough & { isTTY: boolean; hasColors(count?: number): boolean } {
  return Object.assign(new PassThrough(), {
    isTTY: true,
    hasColors: (count?: number) => WriteStream.prototype.hasColors.call({}, count ?? 16, env),
  });
}

/** Types `lines` into the console over a fresh app and returns everything it wrote. */
async function session(
  lines: string[],
  options: { output?: PassThrough; prepare?: (app: Awaited<ReturnType<typeof testApp>>) => unknown } = {},
): Promise<string> {
  const app = await testApp();
  await options.prepare?.(app);
  return typeIntoConsole(app, lines, options.output);
}

const withWorld = async (app: Awaited<ReturnType<typeof testApp>>) => {
  const world = await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
  insertStory(app.db, {
    topicIds: [world.id],
    headline: 'Summit opens in Geneva',
    source: 'Family 👨‍👩‍👧 Times',
    publishedAt: '2100-01-01T00:00:00.000Z',
    keyQuotes: [{ text: 'We are ready', speaker: 'Ana Ruiz' }],
  });
};

describe('the console reads well', () => {
  it('fits /help on a 24-line, 80-column terminal, grouped into reading, subscribing and moderating', async () => {
    const out = await session(['/help']);
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(23); // and a prompt line below
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines[0]).toBe('Commands you can use here');
    const headings = lines.filter((line) => /^\S/.test(line)).slice(1, 4);
    expect(headings).toEqual(['Reading', 'Subscribing', 'Moderating']);
    expect(out).toMatch(/\n {2}\/topics +List the topics this chat can subscribe to\n/);
    expect(out).toMatch(/\n {2}\/feed +Manage the feeds behind topics: add, remove, list, health\n/);
    expect(out).toContain('Short forms: /sub = /subscribe, /unsub = /unsubscribe, /list = /subscriptions');
    expect(out).toContain('/help <command> shows its options and examples, e.g. /help subscribe');
  });

  it('explains one command with /help <command>, by its name or a short form, with examples', async () => {
    const out = await session(['/help sub', '/help feed add', '/help nosuch']);
    expect(out).toContain(
      [
        'Help for /subscribe',
        '/subscribe [topic] [schedule] [timezone]',
        '  Follow a topic in this chat, with a digest on a schedule.',
      ].join('\n'),
    );
    expect(out).toContain(
      '  e.g. /subscribe world daily 08:00 Europe/London\n  e.g. /subscribe technology weekdays 07:30 max 5',
    );
    expect(out).toContain('Also typed as /sub.');
    expect(out).toContain('Help for /feed add\n/feed add <topic> <url>\n');
    expect(out).toContain('  Who: moderators of this community.');
    expect(out).not.toContain('/feed remove');
    expect(out).toContain('⚠ There is no /nosuch. /help lists every command.');
  });

  it('welcomes with /start and answers /sub, /list and /unsub like the long forms', async () => {
    const out = await session(['/start', '/sub world hourly', '/list', '/unsub world', '/list'], {
      prepare: withWorld,
    });
    expect(out).toContain('Welcome to newsbrief\nnewsbrief sends this chat a digest of the news');
    expect(out).toContain('/subscribe world daily 08:00 — a digest every morning at 08:00');
    expect(out).toContain('This chat now follows World (world): hourly (UTC), up to 8 stories.');
    expect(out).toContain('This chat follows\nworld — hourly (UTC), up to 8 stories');
    expect(out).toContain('This chat no longer follows World (world).');
    expect(out).toContain('This chat follows no topics yet.');
  });

  it('says a wrong schedule is the schedule, showing the forms that work', async () => {
    const out = await session(['/subscribe world every morning'], { prepare: withWorld });
    expect(out).toBe(
      "⚠ 'every morning' is not a schedule — use instant, hourly, daily 08:00, weekdays 08:00, weekly mon 08:00 or a cron expression such as 0 8 * * 1-5.\nA timezone, if you add one, goes last: daily 08:00 Europe/London\n",
    );
  });

  it('shows a story time with its year when that is not this year, and the chat’s timezone', async () => {
    // A time in this year as Paris counts years (Paris is UTC+1 at New Year): mid-July, summer time.
    const parisYear = new Date(Date.now() + 3_600_000).getUTCFullYear();
    const out = await session(['/timezone Europe/Paris', '/latest'], {
      prepare: async (app) => {
        await withWorld(app);
        const world = (await app.stores.topics.findVisible('world', null))!;
        insertStory(app.db, {
          topicIds: [world.id],
          headline: 'Talks resume',
          publishedAt: `${parisYear}-07-15T10:30:00.000Z`,
        });
      },
    });
    // The year 2100 is not this year: without the year it would pass for 1 January of this one.
    expect(out).toContain('  Family 👨‍👩‍👧 Times · 1 Jan 2100 01:00 CET\n');
    // This year's story needs no year; the zone is the chat's either way.
    expect(out).toContain('• Talks resume\n  Example News · 15 Jul 12:30 CEST\n');
    expect(out).toContain('Latest in all topics (this chat follows none yet)');
  });

  it('colours errors, titles, headlines and speakers on a terminal', async () => {
    const terminal = fakeTerminal({ TERM: 'xterm-256color' });
    const out = await session(['/latest', '/nosuch'], { output: terminal, prepare: withWorld });
    expect(out).toContain('\u001b[1mSummit opens in Geneva\u001b[22m');
    expect(out).toContain('— \u001b[36mAna Ruiz\u001b[39m');
    expect(out).toContain('\u001b[31m⚠ Unknown command /nosuch. Try /help.\u001b[39m');
  });

  it('writes no colour when NO_COLOR is set or the output is piped', async () => {
    const noColour = await session(['/latest', '/nosuch'], {
      output: fakeTerminal({ TERM: 'xterm-256color', NO_COLOR: '1' }),
      prepare: withWorld,
    });
    const piped = await session(['/latest', '/nosuch'], { prepare: withWorld });
    for (const out of [noColour, piped]) {
      expect(out).not.toMatch(ESCAPE);
      expect(out).toContain('• Summit opens in Geneva\n');
      expect(out).toContain('⚠ Unknown command /nosuch. Try /help.');
    }
  });
});
