import type { CandidateStory, DigestSource, NewStories } from './ports.js';
import { rankClusters, type RankedCluster } from './select.js';

/**
 * A topic's news after one watermark, as digest planning reads it: the new stories, their older
 * cluster members, and the stories ranked as events.
 */
export interface TopicNews extends NewStories {
  /** Older stories of the same clusters, by cluster: coverage the chat may already have seen. */
  earlier: Map<number, number[]>;
  /** The new stories as ranked events, the same for every chat until exclusions apply. */
  ranked: RankedCluster[];
}

/** A topic's news after watermark `after`, for every watermark from `after` to `upTo`. */
export interface TopicWindow {
  after: number;
  upTo: number;
  /** The news after `after` itself. */
  base: TopicNews;
  /** Every member id of the window's clusters at or below `upTo`, by cluster. */
  members: Map<number, number[]>;
  /** [lowest, highest] member id of each window cluster with several new members. */
  spans: [number, number][];
}

/** Reads a topic's news after `after` once, for the watermarks up to `upTo` (one query each). */
export async function readTopicWindow(
  source: DigestSource,
  topicId: number,
  after: number,
  upTo: number,
): Promise<TopicWindow> {
  const fresh = await source.newStories(topicId, after);
  const clusterIds = [
    ...new Set(fresh.stories.flatMap((story) => (story.clusterId === null ? [] : [story.clusterId]))),
  ];
  const members: Map<number, number[]> =
    clusterIds.length > 0 ? await source.earlierClusterMembers(clusterIds, upTo) : new Map<number, number[]>();
  const ranked = rankClusters(fresh.stories);
  const spans: [number, number][] = [];
  for (const cluster of ranked) {
    if (cluster.members.length < 2) continue;
    let lowest = Infinity;
    let highest = -Infinity;
    for (const story of cluster.members) {
      lowest = Math.min(lowest, story.id);
      highest = Math.max(highest, story.id);
    }
    spans.push([lowest, highest]);
  }
  return { after, upTo, base: { ...fresh, earlier: earlierThan(members, after), ranked }, members, spans };
}

/** The members at or below `watermark`, for the clusters that have any. */
function earlierThan(members: ReadonlyMap<number, readonly number[]>, watermark: number): Map<number, number[]> {
  const earlier = new Map<number, number[]>();
  for (const [clusterId, ids] of members) {
    const older = ids.filter((id) => id <= watermark);
    if (older.length > 0) earlier.set(clusterId, older);
  }
  return earlier;
}

/** The index of the first story with an id above `watermark` (stories are in id order). */
function firstAfter(stories: readonly CandidateStory[], watermark: number): number {
  let low = 0;
  let high = stories.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (stories[middle]!.id <= watermark) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The window's news after `watermark` (between `after` and `upTo`): exactly what reading the
 * topic's news after that watermark would give. Events wholly after the watermark keep their
 * ranking, so the window's ranking is filtered; only when an event has new members on both sides
 * of the watermark (its lead, outlets and score differ) are the stories ranked again.
 */
export function newsAfter(window: TopicWindow, watermark: number): TopicNews {
  const { base } = window;
  if (watermark === window.after) return base;
  const stories = base.stories.slice(firstAfter(base.stories, watermark));
  const maxId = base.maxId > watermark ? base.maxId : watermark;
  const straddles = window.spans.some(([lowest, highest]) => lowest <= watermark && watermark < highest);
  const ranked = straddles
    ? rankClusters(stories)
    : base.ranked.filter((cluster) => cluster.members.every((story) => story.id > watermark));
  // Only the clusters still new after the watermark; their members at or below it are older coverage.
  const newClusters = new Set<number>();
  for (const story of stories) if (story.clusterId !== null) newClusters.add(story.clusterId);
  const earlier = new Map<number, number[]>();
  for (const [clusterId, ids] of window.members) {
    if (!newClusters.has(clusterId)) continue;
    const older = ids.filter((id) => id <= watermark);
    if (older.length > 0) earlier.set(clusterId, older);
  }
  return { stories, maxId, earlier, ranked };
}
