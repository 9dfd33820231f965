import type { Migration } from '../database.js';

/**
 * stories.image_url: the story's lead image (og:image, media:thumbnail, an image enclosure), only
 * its address — the chat platform fetches it, newsbrief never does. Null when the article and the
 * feed had none, or offered only one the address guard refused. Older stories keep null.
 */
export const storyLeadImages: Migration = {
  name: 'stories.image_url (lead images)',
  up(db) {
    db.exec(`ALTER TABLE stories ADD COLUMN image_url TEXT;`);
  },
};
