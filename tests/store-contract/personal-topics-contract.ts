import { describe, expect, it } from 'vitest';
import { useStores, type StoresFactory } from './world.js';

export function personalTopicsContract(factory: StoresFactory): void {
  describe('personal topics', () => {
    const stores = useStores(factory);

    it('keeps a private chat’s own topics out of every visible list and lists them only for that chat', async () => {
      const { topics } = stores();
      const global = await topics.create({ slug: 'world', name: 'World', communityId: null });
      const mine = await topics.create({
        slug: 'world',
        name: 'My world',
        communityId: null,
        ownerChatId: 'telegram:5',
      });
      const bikes = await topics.create({ slug: 'bikes', name: 'Bikes', communityId: null, ownerChatId: 'telegram:5' });
      await topics.create({ slug: 'cats', name: 'Cats', communityId: null, ownerChatId: 'telegram:6' });
      expect(mine).toMatchObject({ communityId: null, ownerChatId: 'telegram:5' });
      expect(global.ownerChatId).toBeNull();
      expect((await topics.listVisible(null)).map((t) => t.id)).toEqual([global.id]);
      expect((await topics.listVisible('discord:1')).map((t) => t.id)).toEqual([global.id]);
      expect((await topics.findVisible('world', null))?.id).toBe(global.id);
      expect(await topics.findVisible('bikes', null)).toBeNull();
      expect(await topics.findVisible('cats', 'discord:1')).toBeNull();
      expect((await topics.listPersonal('telegram:5')).map((t) => [t.slug, t.name])).toEqual([
        ['bikes', 'Bikes'],
        ['world', 'My world'],
      ]);
      expect((await topics.listPersonal('telegram:6')).map((t) => t.slug)).toEqual(['cats']);
      expect(await topics.listPersonal('telegram:7')).toEqual([]);
      expect(await topics.get(bikes.id)).toEqual(bikes);
    });

    it('makes a slug unique per owner: a chat may reuse another chat’s or the catalogue’s slug, not its own', async () => {
      const { topics } = stores();
      await topics.create({ slug: 'feed-1', name: 'One', communityId: null, ownerChatId: 'telegram:5' });
      await expect(
        topics.create({ slug: 'feed-1', name: 'Again', communityId: null, ownerChatId: 'telegram:5' }),
      ).rejects.toThrow(/unique/i);
      await expect(
        topics.create({ slug: 'feed-1', name: 'Theirs', communityId: null, ownerChatId: 'telegram:6' }),
      ).resolves.toMatchObject({ ownerChatId: 'telegram:6' });
      await expect(topics.create({ slug: 'feed-1', name: 'Global', communityId: null })).resolves.toMatchObject({
        ownerChatId: null,
      });
      await expect(topics.create({ slug: 'feed-1', name: 'Guild', communityId: 'discord:1' })).resolves.toMatchObject({
        communityId: 'discord:1',
        ownerChatId: null,
      });
      expect((await topics.listPersonal('telegram:5')).map((t) => t.name)).toEqual(['One']);
    });
  });
}
