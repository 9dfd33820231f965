import { describe, expect, it } from 'vitest';
import { useStores, type StoresFactory } from './world.js';

/** Work that several processes share through the database: each due feed is polled by one of them. */
export function workClaimsContract(factory: StoresFactory): void {
  describe('feed claims', () => {
    const stores = useStores(factory);
    const now = new Date('2026-12-03T09:00:00.000Z');
    const lease = new Date('2026-12-03T09:10:00.000Z');

    it('gives a due feed to one claimer of many at once, leased until the time given', async () => {
      const { feeds } = stores();
      const feed = await feeds.ensure('https://paper.example/due.xml');
      const claims = await Promise.all(Array.from({ length: 6 }, () => feeds.claim(feed.id, now, lease)));
      const won = claims.filter((claim) => claim !== null);
      expect(won).toHaveLength(1);
      expect(won[0]).toMatchObject({ id: feed.id, url: feed.url, nextPollAt: lease.toISOString() });
      expect((await feeds.get(feed.id))?.nextPollAt).toBe(lease.toISOString());
    });

    it('refuses a feed that is not due, disabled or gone, and changes nothing', async () => {
      const { feeds } = stores();
      const later = await feeds.ensure('https://paper.example/later.xml');
      await feeds.update(later.id, { nextPollAt: '2026-12-03T09:00:01.000Z' });
      const off = await feeds.ensure('https://paper.example/off.xml');
      await feeds.update(off.id, { enabled: false });
      expect(await feeds.claim(later.id, now, lease)).toBeNull();
      expect(await feeds.claim(off.id, now, lease)).toBeNull();
      expect(await feeds.claim(9999, now, lease)).toBeNull();
      expect((await feeds.get(later.id))?.nextPollAt).toBe('2026-12-03T09:00:01.000Z');
      expect((await feeds.get(off.id))?.nextPollAt).toBeNull();
    });

    it('gives a feed again once its lease has run out, as when the process polling it died', async () => {
      const { feeds } = stores();
      const feed = await feeds.ensure('https://paper.example/dead.xml');
      await feeds.update(feed.id, { nextPollAt: '2026-12-03T08:59:00.000Z' });
      expect(await feeds.claim(feed.id, now, lease)).not.toBeNull();
      expect(await feeds.claim(feed.id, new Date('2026-12-03T09:09:59.000Z'), lease)).toBeNull();
      const after = new Date('2026-12-03T09:10:00.000Z');
      expect(await feeds.claim(feed.id, after, new Date('2026-12-03T09:20:00.000Z'))).toMatchObject({
        nextPollAt: '2026-12-03T09:20:00.000Z',
      });
    });
  });
}
