import { describe, expect, it } from 'vitest';
import { createTelegramAccess } from '../../../src/platforms/telegram/access.js';
import { recordingLogger } from '../../helpers/test-app.js';

/** A getChatMember that answers from a table and counts its calls. */
function members(statuses: Record<string, string>) {
  const calls: string[] = [];
  const api = {
    getChatMember: async (chatId: number | string, userId: number) => {
      calls.push(`${chatId}:${userId}`);
      const status = statuses[`${chatId}:${userId}`];
      if (!status) throw new Error('Bad Request: user not found');
      return { status } as never;
    },
  };
  return { api, calls, statuses };
}

describe('Telegram access', () => {
  const group = { id: -100, type: 'supergroup' };
  const alice = { id: 1, first_name: 'Alice', last_name: 'Smith' };

  it('makes group administrators moderators, trusting the answer only briefly', async () => {
    let now = 0;
    const table = members({ '-100:1': 'administrator' });
    const access = createTelegramAccess({
      api: table.api,
      operatorIds: ['9'],
      logger: recordingLogger(),
      ttlMs: 60_000,
      now: () => now,
    });
    expect(await access.actorFor(group, alice)).toEqual({
      id: 'telegram:1',
      displayName: 'Alice Smith',
      isOperator: false,
      isModerator: true,
      canManageChat: true,
    });
    table.statuses['-100:1'] = 'member';
    now = 30_000;
    expect((await access.actorFor(group, alice)).isModerator).toBe(true);
    now = 61_000;
    expect((await access.actorFor(group, alice)).isModerator).toBe(false);
    expect(table.calls).toEqual(['-100:1', '-100:1']);
  });

  it('lets a private chat’s user manage it, and treats a failed lookup as a plain member', async () => {
    const logger = recordingLogger();
    const access = createTelegramAccess({ api: members({}).api, operatorIds: ['1'], logger });
    expect(await access.actorFor({ id: 1, type: 'private' }, alice)).toMatchObject({
      isOperator: true,
      canManageChat: true,
      isModerator: false,
    });
    expect(await access.actorFor(group, alice)).toMatchObject({ isModerator: false, canManageChat: false });
    expect(logger.entries.some((entry) => entry.level === 'warn')).toBe(true);
  });

  it('counts someone posting as the group itself as one of its administrators', async () => {
    const table = members({});
    const access = createTelegramAccess({ api: table.api, operatorIds: [], logger: recordingLogger() });
    const actor = await access.actorFor(group, { id: 1087968824, first_name: 'Group' }, { anonymousAdmin: true });
    expect(actor).toMatchObject({ id: 'telegram:-100', isModerator: true, canManageChat: true });
    expect(table.calls).toEqual([]);
  });
});
