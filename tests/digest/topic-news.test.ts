import { describe, expect, it } from 'vitest';
import { newsAfter, readTopicWindow } from '../../src/core/digest/topic-news.js';
import { openDatabase } from '../../src/store/database.js';
import { createStores } from '../../src/store/index.js';
import { insertCluster, insertStory, insertTopic } from '../helpers/story-fixtures.js';

/**
 * A topic whose news mixes lone stories, first-poll stories, an event whose outlets arrive on
 * both sides of later watermarks, and an event with older coverage in another topic.
 */
function world() {
  const db = openDatabase(':memory:');
  const { digests } = createStores(db);
  const topic = insertTopic(db, 'harbour');
  const other = insertTopic(db, 'city');
  const spread = insertCluster(db);
  const covered = insertCluster(db);
  const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 6, minute)).toISOString();
  const ids = [
    insertStory(db, { topicIds: [other], clusterId: covered, source: 'Older Outlet', arrivedAt: at(1) }),
    insertStory(db, { topicIds: [topic], arrivedAt: at(2) }),
    insertStory(db, { topicIds: [topic], clusterId: spread, source: 'First Outlet', arrivedAt: at(3) }),
    insertStory(db, { topicIds: [topic], eligible: false, arrivedAt: at(4) }),
    insertStory(db, { topicIds: [topic], clusterId: covered, source: 'Second Outlet', arrivedAt: at(5) }),
    insertStory(db, { topicIds: [topic], clusterId: spread, source: 'Second Outlet', arrivedAt: at(6) }),
    insertStory(db, { topicIds: [topic], arrivedAt: at(7) }),
    insertStory(db, { topicIds: [topic], clusterId: spread, source: 'Third Outlet', arrivedAt: at(8) }),
    insertStory(db, { topicIds: [topic], eligible: false, arrivedAt: at(9) }),
  ];
  return { digests, topic, ids, spread };
}

describe('a topic’s news read once for many watermarks', () => {
  it('gives at every watermark exactly what reading the topic’s news after that watermark gives', async () => {
    const { digests, topic, ids } = world();
    const lowest = ids[0]!;
    const highest = ids[ids.length - 1]!;
    const window = await readTopicWindow(digests, topic, lowest, highest);
    for (let watermark = lowest; watermark <= highest; watermark++) {
      const alone = (await readTopicWindow(digests, topic, watermark, watermark)).base;
      const shared = newsAfter(window, watermark);
      expect(shared.stories, `stories after ${watermark}`).toEqual(alone.stories);
      expect(shared.maxId, `maxId after ${watermark}`).toBe(alone.maxId);
      expect(shared.earlier, `earlier coverage after ${watermark}`).toEqual(alone.earlier);
      expect(shared.ranked, `ranking after ${watermark}`).toEqual(alone.ranked);
    }
  });

  it('ranks an event again when the watermark falls between its outlets: its lead and outlets change', async () => {
    const { digests, topic, ids, spread } = world();
    const window = await readTopicWindow(digests, topic, ids[0]!, ids[ids.length - 1]!);
    expect(window.base.ranked.find((cluster) => cluster.key === spread)?.lead.source).toBe('First Outlet');
    const news = newsAfter(window, ids[5]!);
    const event = news.ranked.find((cluster) => cluster.key === spread);
    expect(event?.lead.source).toBe('Third Outlet');
    expect(event?.sources).toEqual(['Third Outlet']);
    expect([...news.earlier.get(spread)!].sort((a, b) => a - b)).toEqual([ids[2], ids[5]]);
  });
});
