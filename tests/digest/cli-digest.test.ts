import { describe, expect, it } from 'vitest';
import { runDigest } from '../../src/cli/digest.js';
import { insertStory } from '../helpers/story-fixtures.js';
import { testApp } from '../helpers/test-app.js';

function output() {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => ((stdout += text), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (text: string) => ((stderr += text), true) } as unknown as NodeJS.WritableStream,
  };
  return { io, out: () => stdout, err: () => stderr };
}

describe('newsbrief digest', () => {
  it('prints each chat’s digest as it would be sent now, moving no watermark', async () => {
    const app = await testApp();
    const world = await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    const sport = await app.stores.topics.create({ slug: 'sport', name: 'Sport', communityId: null });
    for (const id of ['telegram:1', 'discord:123456789012345678']) {
      await app.stores.chats.ensure({
        id,
        platform: id.startsWith('telegram') ? 'telegram' : 'discord',
        kind: 'private',
        communityId: null,
      });
    }
    const save = (chatId: string, topicId: number) =>
      app.stores.subscriptions.save({
        chatId,
        topicId,
        schedule: 'daily 08:00',
        timezone: 'UTC',
        cap: 8,
        nextRunAt: '2030-01-01T08:00:00.000Z',
      });
    await save('telegram:1', world.id);
    await save('telegram:1', sport.id);
    await save('discord:123456789012345678', sport.id);
    insertStory(app.db, { topicIds: [world.id], headline: 'Summit opens' });
    insertStory(app.db, { topicIds: [sport.id], headline: 'Cup final tonight' });

    const all = output();
    expect(await runDigest(app.config, [], all.io)).toBe(0);
    expect(all.out()).toContain('── discord:123456789012345678 ──\nSport — ');
    expect(all.out()).toMatch(
      /── telegram:1 ──\nYour news — .*\n\n■ Sport\n• Cup final tonight[\s\S]*■ World\n• Summit opens/,
    );

    const one = output();
    expect(await runDigest(app.config, ['--chat', 'telegram:1', '--topic', 'world'], one.io)).toBe(0);
    expect(one.out()).toContain('• Summit opens');
    expect(one.out()).not.toContain('Cup final');
    expect(
      (await app.stores.subscriptions.listForChat('telegram:1')).map((subscription) => subscription.watermark),
    ).toEqual([0, 0]);
    expect((await app.stores.outbox.counts()).pending).toBe(0);
  });

  it('explains wrong arguments with the usage and exits 2', async () => {
    const app = await testApp();
    const bad = output();
    expect(await runDigest(app.config, ['--chat'], bad.io)).toBe(2);
    expect(bad.err()).toContain('--chat needs a value');
    expect(bad.err()).toContain('Usage: newsbrief digest');
    const none = output();
    expect(await runDigest(app.config, [], none.io)).toBe(0);
    expect(none.out()).toBe('No chat follows a topic yet: nothing to preview.\n');
  });

  it('names a chat or topic that does not exist, exits 1 and prints no preview', async () => {
    const app = await testApp();
    const world = await app.stores.topics.create({ slug: 'world', name: 'World', communityId: null });
    await app.stores.chats.ensure({ id: 'telegram:1', platform: 'telegram', kind: 'private', communityId: null });
    await app.stores.chats.ensure({ id: 'telegram:2', platform: 'telegram', kind: 'private', communityId: null });
    await app.stores.subscriptions.save({
      chatId: 'telegram:1',
      topicId: world.id,
      schedule: 'daily 08:00',
      timezone: 'UTC',
      cap: 8,
      nextRunAt: '2030-01-01T08:00:00.000Z',
    });

    const topic = output();
    expect(await runDigest(app.config, ['--topic', 'nosuch'], topic.io)).toBe(1);
    expect(topic.err()).toBe("newsbrief digest: no topic 'nosuch'\n");
    expect(topic.out()).toBe('');
    const near = output();
    expect(await runDigest(app.config, ['--topic', 'wrld'], near.io)).toBe(1);
    expect(near.err()).toBe("newsbrief digest: no topic 'wrld' — did you mean 'world'?\n");

    const chat = output();
    expect(await runDigest(app.config, ['--chat', 'nosuch'], chat.io)).toBe(1);
    expect(chat.err()).toBe(`newsbrief digest: no chat 'nosuch' in ${app.config.DATABASE_PATH}\n`);
    expect(chat.out()).toBe('');
    const typo = output();
    expect(await runDigest(app.config, ['--chat', 'telegram:3'], typo.io)).toBe(1);
    expect(typo.err()).toMatch(/^newsbrief digest: no chat 'telegram:3' in .* — did you mean 'telegram:[12]'\?\n$/);

    // A chat that exists but follows nothing, and a topic nobody follows, are answers, not errors.
    const idle = output();
    expect(await runDigest(app.config, ['--chat', 'telegram:2'], idle.io)).toBe(0);
    expect(idle.out()).toBe('── telegram:2 ──\n(follows no topic)\n\n');
    await app.stores.topics.create({ slug: 'sport', name: 'Sport', communityId: null });
    const unfollowed = output();
    expect(await runDigest(app.config, ['--topic', 'sport'], unfollowed.io)).toBe(0);
    expect(unfollowed.out()).toBe("No chat follows 'sport': nothing to preview.\n");
  });
});
