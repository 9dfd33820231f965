import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/store/index.js';
import { telegramChat, useStores, type StoresFactory } from './world.js';

const AT = '2026-11-25T08:00:00.000Z';

/** Queues messages for a chat through a digest commit, the way messages enter the outbox. */
async function queue(stores: Stores, chat: string, keys: string[], at = AT): Promise<void> {
  const ok = await stores.digests.commit({
    chatId: chat.includes(':') ? (chat as `discord:${string}`) : `telegram:${chat}`,
    at,
    messages: keys.map((key) => ({ key, payload: JSON.stringify({ text: key }) })),
    deliveries: [],
    advances: [],
  });
  expect(ok).toBe(true);
}

export function outboxContract(factory: StoresFactory): void {
  describe('outbox store', () => {
    const stores = useStores(factory);

    it('hands out pending messages oldest first with their chat, up to a limit', async () => {
      const { chats, outbox } = stores();
      await chats.ensure(telegramChat('1'));
      await chats.ensure(telegramChat('-2', 'group'));
      await queue(stores(), '1', ['a', 'b']);
      await queue(stores(), '-2', ['c']);
      const pending = await outbox.pending(10);
      expect(pending).toEqual([
        {
          id: expect.any(Number),
          chatId: 'telegram:1',
          platform: 'telegram',
          chatKind: 'private',
          idempotencyKey: 'a',
          payload: '{"text":"a"}',
          attempts: 0,
          nextAttemptAt: AT,
        },
        expect.objectContaining({ idempotencyKey: 'b', chatId: 'telegram:1' }),
        expect.objectContaining({ idempotencyKey: 'c', chatId: 'telegram:-2', chatKind: 'group' }),
      ]);
      expect(pending[0]!.id).toBeLessThan(pending[1]!.id);
      expect((await outbox.pending(2)).map((m) => m.idempotencyKey)).toEqual(['a', 'b']);
    });

    it('claims a pending message once per attempt and never one already sent or given up', async () => {
      const { chats, outbox } = stores();
      await chats.ensure(telegramChat('1'));
      await queue(stores(), '1', ['a', 'b', 'c']);
      const [a, b, c] = await outbox.pending(10);
      expect(await outbox.claim(a!.id, new Date(AT))).toBe(true);
      await outbox.retryLater(a!.id, new Date('2026-11-25T08:05:00.000Z'), 'HTTP 502');
      expect(await outbox.claim(a!.id, new Date(AT))).toBe(true);
      await outbox.markSent(a!.id, new Date('2026-11-25T08:06:00.000Z'));
      expect(await outbox.claim(a!.id, new Date(AT))).toBe(false);
      expect(await outbox.claim(b!.id, new Date(AT))).toBe(true);
      await outbox.markFailed(b!.id, new Date('2026-11-25T08:07:00.000Z'), 'message is too long');
      expect(await outbox.claim(b!.id, new Date(AT))).toBe(false);
      await outbox.retryLater(c!.id, new Date('2026-11-25T09:00:00.000Z'), 'x'.repeat(1500));
      expect(await outbox.pending(10)).toEqual([{ ...c!, nextAttemptAt: '2026-11-25T09:00:00.000Z' }]);
      expect(await outbox.claim(999_999, new Date(AT))).toBe(false);
      expect(await outbox.counts()).toEqual({ pending: 1, sent: 1, held: 0, failed: 1 });
      // A message sent or failed is not sent again nor un-failed by a late retry.
      await outbox.retryLater(a!.id, new Date(AT), 'late');
      await outbox.markFailed(a!.id, new Date(AT), 'late');
      expect(await outbox.counts()).toEqual({ pending: 1, sent: 1, held: 0, failed: 1 });
    });

    it('shows a chat its counts and most recent failures, newest first, with the reason', async () => {
      const { chats, outbox } = stores();
      await chats.ensure(telegramChat('1'));
      await chats.ensure(telegramChat('2'));
      await queue(stores(), '1', ['a', 'b', 'c', 'd']);
      await queue(stores(), '2', ['e']);
      const [a, b, c] = await outbox.pending(10);
      await outbox.markFailed(a!.id, new Date('2026-11-25T08:01:00.000Z'), 'refused: bad markup');
      await outbox.claim(b!.id, new Date(AT));
      await outbox.claim(b!.id, new Date(AT));
      await outbox.markFailed(b!.id, new Date('2026-11-25T08:03:00.000Z'), 'out of attempts: ' + 'y'.repeat(1200));
      await outbox.markSent(c!.id, new Date(AT));
      const status = await outbox.chatStatus('telegram:1', 5);
      expect(status.counts).toEqual({ pending: 1, sent: 1, held: 0, failed: 2 });
      expect(status.failures).toEqual([
        { failedAt: '2026-11-25T08:03:00.000Z', attempts: 2, reason: 'out of attempts: ' + 'y'.repeat(983) },
        { failedAt: '2026-11-25T08:01:00.000Z', attempts: 0, reason: 'refused: bad markup' },
      ]);
      expect((await outbox.chatStatus('telegram:1', 1)).failures).toHaveLength(1);
      expect(await outbox.chatStatus('telegram:404', 5)).toEqual({
        counts: { pending: 0, sent: 0, held: 0, failed: 0 },
        failures: [],
      });
      expect(await outbox.counts()).toEqual({ pending: 2, sent: 1, held: 0, failed: 2 });
    });
  });

  describe('outbox leases per chat', () => {
    const stores = useStores(factory);
    const at = (seconds: number): Date => new Date(Date.parse(AT) + seconds * 1000);
    const keysOf = (leases: { chatId: string; messages: { idempotencyKey: string }[] }[]) =>
      leases.map((lease) => [lease.chatId, lease.messages.map((message) => message.idempotencyKey)]);

    it('leases whole chats, each with its pending messages in id order, oldest chat first', async () => {
      const { chats, outbox } = stores();
      for (const id of ['1', '2', '3']) await chats.ensure(telegramChat(id));
      await queue(stores(), '2', ['b1']);
      await queue(stores(), '1', ['a1', 'a2']);
      await queue(stores(), '2', ['b2', 'b3']);
      await queue(stores(), '3', ['c1']);
      const first = await outbox.leaseChats('worker-a', 'telegram', 2, at(0), at(30));
      expect(keysOf(first)).toEqual([
        ['telegram:2', ['b1', 'b2', 'b3']],
        ['telegram:1', ['a1', 'a2']],
      ]);
      expect(first[0]!.messages[0]).toMatchObject({ platform: 'telegram', chatKind: 'private', attempts: 0 });
      // The other owner gets only what nobody holds.
      expect(keysOf(await outbox.leaseChats('worker-b', 'telegram', 10, at(1), at(31)))).toEqual([
        ['telegram:3', ['c1']],
      ]);
      expect(await outbox.leaseChats('worker-c', 'telegram', 10, at(2), at(32))).toEqual([]);
    });

    it('renews the owner’s own chats first, even when chats with older messages wait', async () => {
      const { chats, outbox } = stores();
      for (const id of ['1', '2', '3']) await chats.ensure(telegramChat(id));
      await queue(stores(), '1', ['a']);
      await queue(stores(), '2', ['b']);
      await queue(stores(), '3', ['c']);
      expect(keysOf(await outbox.leaseChats('w1', 'telegram', 1, at(0), at(30)))).toEqual([['telegram:1', ['a']]]);
      const [a] = await outbox.pending(1);
      await outbox.markSent(a!.id, at(1));
      await queue(stores(), '3', ['c2']);
      await queue(stores(), '1', ['a2']);
      // Chat 1's head (a2) is newer than chat 2's and 3's, yet w1 keeps it.
      expect(keysOf(await outbox.leaseChats('w1', 'telegram', 1, at(20), at(50)))).toEqual([['telegram:1', ['a2']]]);
      expect(keysOf(await outbox.leaseChats('w2', 'telegram', 10, at(40), at(70)))).toEqual([
        ['telegram:2', ['b']],
        ['telegram:3', ['c', 'c2']],
      ]);
    });

    it('leases each platform apart: a burst on one leaves the other’s chats to be leased at once', async () => {
      const { chats, outbox } = stores();
      for (const id of ['1', '2', '3']) await chats.ensure(telegramChat(id));
      await chats.ensure({ id: 'discord:9', platform: 'discord', kind: 'channel', communityId: 'discord:g1' });
      await queue(stores(), '1', ['t1']);
      await queue(stores(), '2', ['t2']);
      await queue(stores(), '3', ['t3']);
      await queue(stores(), 'discord:9', ['d1', 'd2']);
      // Three Telegram chats have older heads than the Discord channel, yet a cap of two per platform
      // gives Discord its channel beside Telegram's two oldest.
      expect(keysOf(await outbox.leaseChats('w1', 'telegram', 2, at(0), at(30)))).toEqual([
        ['telegram:1', ['t1']],
        ['telegram:2', ['t2']],
      ]);
      expect(keysOf(await outbox.leaseChats('w1', 'discord', 2, at(0), at(30)))).toEqual([['discord:9', ['d1', 'd2']]]);
      // Renewing one platform's chats leaves the other's held, not renewed and not given away.
      expect(keysOf(await outbox.leaseChats('w1', 'discord', 2, at(20), at(50)))).toEqual([
        ['discord:9', ['d1', 'd2']],
      ]);
      expect(await outbox.leaseChats('w2', 'discord', 5, at(21), at(51))).toEqual([]);
      expect(keysOf(await outbox.leaseChats('w2', 'telegram', 5, at(21), at(51)))).toEqual([['telegram:3', ['t3']]]);
    });

    it('never gives one chat to two claimers leasing at the same moment', async () => {
      const { chats, outbox } = stores();
      for (let chat = 1; chat <= 40; chat++) {
        await chats.ensure(telegramChat(String(chat)));
        await queue(stores(), String(chat), [`m${chat}`]);
      }
      const claimers = ['a', 'b', 'c', 'd'].map((owner) => outbox.leaseChats(owner, 'telegram', 15, at(0), at(30)));
      const leased = (await Promise.all(claimers)).flat().map((lease) => lease.chatId);
      expect(leased).toHaveLength(40);
      expect(new Set(leased).size).toBe(40);
    });

    it('lets another claimer take a chat over once its lease has run out, and the old owner may no longer send', async () => {
      const { chats, outbox } = stores();
      await chats.ensure(telegramChat('1'));
      await queue(stores(), '1', ['a', 'b']);
      const [lease] = await outbox.leaseChats('killed', 'telegram', 10, at(0), at(30));
      const [a] = lease!.messages;
      expect(await outbox.claim(a!.id, at(1), 'killed')).toBe(true);
      expect(await outbox.claim(a!.id, at(1), 'other')).toBe(false);
      expect(await outbox.leaseChats('other', 'telegram', 10, at(29), at(59))).toEqual([]);
      // The killed process never marked `a` sent: the next owner gets it again, first.
      expect(keysOf(await outbox.leaseChats('other', 'telegram', 10, at(30), at(60)))).toEqual([
        ['telegram:1', ['a', 'b']],
      ]);
      expect(await outbox.claim(a!.id, at(31), 'killed')).toBe(false);
      expect(await outbox.claim(a!.id, at(31), 'other')).toBe(true);
      expect(await outbox.claim(a!.id, at(60), 'other')).toBe(false);
    });

    it('renews its owner’s lease, waits for a chat’s oldest message to be due, and frees a released chat', async () => {
      const { chats, outbox } = stores();
      await chats.ensure(telegramChat('1'));
      await chats.ensure(telegramChat('2'));
      await queue(stores(), '1', ['a', 'b']);
      await queue(stores(), '2', ['c']);
      const [a] = await outbox.pending(1);
      await outbox.retryLater(a!.id, at(100), 'HTTP 502');
      // Chat 1 waits behind its retry, though `b` is due: its messages go in order.
      expect(keysOf(await outbox.leaseChats('w1', 'telegram', 10, at(0), at(30)))).toEqual([['telegram:2', ['c']]]);
      expect(keysOf(await outbox.leaseChats('w1', 'telegram', 10, at(20), at(50)))).toEqual([['telegram:2', ['c']]]);
      expect(await outbox.leaseChats('w2', 'telegram', 10, at(40), at(70))).toEqual([]);
      await outbox.releaseChats('w2', ['telegram:2']); // not w2's: no effect
      expect(await outbox.leaseChats('w2', 'telegram', 10, at(41), at(71))).toEqual([]);
      await outbox.releaseChats('w1', ['telegram:2']);
      expect(keysOf(await outbox.leaseChats('w2', 'telegram', 10, at(42), at(72)))).toEqual([['telegram:2', ['c']]]);
      // Chat 1 once its retry is due; chat 2 once w2's lease has run out.
      expect(keysOf(await outbox.leaseChats('w3', 'telegram', 10, at(100), at(130)))).toEqual([
        ['telegram:1', ['a', 'b']],
        ['telegram:2', ['c']],
      ]);
    });
  });

  describe('delivery control', () => {
    const stores = useStores(factory);

    it('holds a paused chat’s pending messages and releases them, due at once, when it resumes', async () => {
      const { chats, outbox, deliveryControl } = stores();
      await chats.ensure(telegramChat('1'));
      await chats.ensure(telegramChat('2'));
      await queue(stores(), '1', ['a', 'b', 'c']);
      await queue(stores(), '2', ['d']);
      const [a, b] = await outbox.pending(10);
      await outbox.markSent(a!.id, new Date(AT));
      expect(
        await deliveryControl.pause('telegram:1', 'bot was blocked', new Date('2026-11-25T09:00:00.000Z')),
      ).toEqual({ held: 2 });
      expect(await chats.get('telegram:1')).toMatchObject({
        pausedAt: '2026-11-25T09:00:00.000Z',
        pausedReason: 'bot was blocked',
      });
      expect((await outbox.pending(10)).map((m) => m.idempotencyKey)).toEqual(['d']);
      expect(await outbox.claim(b!.id, new Date(AT))).toBe(false);
      await queue(stores(), '1', ['e']);
      expect((await outbox.chatStatus('telegram:1', 0)).counts).toEqual({ pending: 0, sent: 1, held: 3, failed: 0 });
      expect(await deliveryControl.resume('telegram:1', new Date('2026-11-25T10:00:00.000Z'))).toEqual({ released: 3 });
      expect(await chats.get('telegram:1')).toMatchObject({ pausedAt: null, pausedReason: null });
      const pending = await outbox.pending(10);
      expect(pending.map((m) => [m.idempotencyKey, m.nextAttemptAt])).toEqual([
        ['b', '2026-11-25T10:00:00.000Z'],
        ['c', '2026-11-25T10:00:00.000Z'],
        ['d', AT],
        ['e', '2026-11-25T10:00:00.000Z'],
      ]);
      expect(await deliveryControl.resume('telegram:1', new Date())).toEqual({ released: 0 });
    });
  });

  describe('forum post links', () => {
    const stores = useStores(factory);

    it('remembers the post a digest opened per channel and title, the latest one, for two days', async () => {
      const { forumPosts } = stores();
      expect(await forumPosts.get('discord:1', 'World — 25 Nov')).toBeNull();
      await forumPosts.save('discord:1', 'World — 25 Nov', '111', new Date('2026-11-25T08:00:00.000Z'));
      await forumPosts.save('discord:1', 'World — 25 Nov', '222', new Date('2026-11-25T08:01:00.000Z'));
      await forumPosts.save('discord:2', 'World — 25 Nov', '333', new Date('2026-11-25T08:02:00.000Z'));
      expect(await forumPosts.get('discord:1', 'World — 25 Nov')).toBe('222');
      expect(await forumPosts.get('discord:2', 'World — 25 Nov')).toBe('333');
      await forumPosts.save('discord:1', 'World — 27 Nov', '444', new Date('2026-11-27T08:01:30.000Z'));
      expect(await forumPosts.get('discord:1', 'World — 25 Nov')).toBeNull();
      expect(await forumPosts.get('discord:2', 'World — 25 Nov')).toBe('333');
      expect(await forumPosts.get('discord:1', 'World — 27 Nov')).toBe('444');
    });
  });
}
