import { describe, expect, it } from 'vitest';
import { buildDigest, buildSection } from '../../src/core/digest/build.js';
import type { CandidateStory } from '../../src/core/digest/ports.js';
import { rankClusters, selectDigestStories } from '../../src/core/digest/select.js';

let nextId = 1;
function story(overrides: Partial<CandidateStory> = {}): CandidateStory {
  const id = overrides.id ?? nextId++;
  return {
    id,
    clusterId: null,
    source: 'Example News',
    headline: `Story ${id}`,
    url: `https://news.example/${id}`,
    publishedAt: '2025-03-03T06:00:00.000Z',
    arrivedAt: '2025-03-03T06:05:00.000Z',
    ...overrides,
  };
}

const hoursAfter = (hours: number): string =>
  new Date(Date.parse('2025-03-03T00:00:00Z') + hours * 3600_000).toISOString();

describe('digest selection', () => {
  it('makes one entry per cluster, led by the first outlet, with the others as "also covered by" and their picture when the lead has none', () => {
    const first = story({
      id: 10,
      clusterId: 7,
      source: 'Harbour Times',
      publishedAt: hoursAfter(1),
      headline: 'Ferry strike called',
    });
    const second = story({
      id: 11,
      clusterId: 7,
      source: 'Daily Wire',
      publishedAt: hoursAfter(2),
      imageUrl: 'https://img.wire.example/ferry.jpg',
    });
    const third = story({ id: 12, clusterId: 7, source: 'Harbour Times', publishedAt: hoursAfter(3) });
    const alone = story({ id: 13, publishedAt: hoursAfter(2) });
    const { chosen } = selectDigestStories([second, alone, third, first], { cap: 8 });
    expect(chosen.map((cluster) => cluster.members.map((member) => member.id))).toEqual([[10, 11, 12], [13]]);
    const quotes = new Map([
      [11, [{ text: 'We will not sail', speaker: 'Union rep', paragraph: 2 }]],
      [
        10,
        [
          { text: 'Talks have failed', speaker: 'Port chief', paragraph: 1 },
          { text: 'we will not sail', speaker: 'Union', paragraph: 3 },
        ],
      ],
    ]);
    const entry = buildSection({ topicSlug: 'harbour', topicName: 'Harbour', chosen, more: 0 }, quotes).entries[0]!;
    expect(entry).toEqual({
      storyIds: [10, 11, 12],
      headline: 'Ferry strike called',
      url: 'https://news.example/10',
      source: 'Harbour Times',
      time: hoursAfter(1),
      alsoCoveredBy: ['Daily Wire'],
      quotes: [
        { text: 'Talks have failed', speaker: 'Port chief', paragraph: 1 },
        { text: 'we will not sail', speaker: 'Union', paragraph: 3 },
      ],
      imageUrl: 'https://img.wire.example/ferry.jpg',
    });
  });

  it('ranks by freshness, each further outlet counting as six hours of it', () => {
    const fresh = story({ publishedAt: hoursAfter(10) });
    const older = story({ publishedAt: hoursAfter(4) });
    const widelyCovered = [
      story({ clusterId: 1, publishedAt: hoursAfter(2), source: 'A' }),
      story({ clusterId: 1, publishedAt: hoursAfter(3), source: 'B' }),
      story({ clusterId: 1, publishedAt: hoursAfter(4), source: 'C' }),
    ];
    // Cluster: newest 4h + 2 × 6h = 16h > fresh 10h > older 4h.
    expect(rankClusters([fresh, older, ...widelyCovered]).map((cluster) => cluster.lead.id)).toEqual([
      widelyCovered[0]!.id,
      fresh.id,
      older.id,
    ]);
  });

  it('keeps the best N over the cap and counts the rest', () => {
    const stories = Array.from({ length: 12 }, (_, index) => story({ publishedAt: hoursAfter(index) }));
    const selection = selectDigestStories(stories, { cap: 5 });
    expect(selection.chosen.map((cluster) => cluster.lead.id)).toEqual(
      stories
        .slice(7)
        .reverse()
        .map((s) => s.id),
    );
    expect(selection.more).toBe(7);
  });

  it('leaves out every story and cluster the chat already had', () => {
    const delivered = story({ id: 100 });
    const sibling = story({ id: 101, clusterId: 9 });
    const fresh = story({ id: 102 });
    const selection = selectDigestStories([delivered, sibling, fresh], {
      cap: 8,
      excludedStoryIds: new Set([100]),
      excludedClusterIds: new Set([9]),
    });
    expect(selection.chosen.map((cluster) => cluster.lead.id)).toEqual([102]);
    expect(selection.more).toBe(0);
  });

  it('drops a whole event when the chat had any outlet’s story of it', () => {
    const had = story({ id: 200, clusterId: 20, source: 'A' });
    const sibling = story({ id: 201, clusterId: 20, source: 'B' });
    const selection = selectDigestStories([had, sibling, story({ id: 202 })], {
      cap: 8,
      excludedStoryIds: new Set([200]),
    });
    expect(selection.chosen.map((cluster) => cluster.lead.id)).toEqual([202]);
  });

  it('uses the arrival time when the published time is missing or in the future', () => {
    const future = story({ publishedAt: '2031-01-01T00:00:00Z', arrivedAt: hoursAfter(1) });
    const undated = story({ publishedAt: null, arrivedAt: hoursAfter(2) });
    const section = buildSection(
      { topicSlug: 't', topicName: 'T', ...selectDigestStories([future, undated], { cap: 8 }) },
      new Map(),
    );
    expect(section.entries.map((entry) => entry.time)).toEqual([hoursAfter(2), hoursAfter(1)]);
  });

  it('builds no digest when no section has an entry', () => {
    const empty = { topicSlug: 'world', topicName: 'World', entries: [], more: 0 };
    expect(buildDigest({ chatId: 'telegram:1', timezone: 'UTC', at: new Date(), sections: [empty] })).toBeNull();
  });
});
