import type { CandidateStory } from './ports.js';

/**
 * Digest selection: new stories grouped into one entry per cluster (the same event from several
 * outlets), ranked by freshness and coverage, capped. Pure and deterministic.
 */

/** One event: a cluster's new stories, or a story alone. */
export interface RankedCluster {
  /** The cluster id, or the story's own id (negated) for a story without a cluster. */
  key: number;
  /** The story shown: the first outlet to publish it. */
  lead: CandidateStory;
  /** Every member, lead first. */
  members: CandidateStory[];
  /** Distinct outlets, the lead's first. */
  sources: string[];
  score: number;
}

/** Each further outlet carrying a story counts as much as this much freshness. */
export const COVERAGE_WEIGHT_MS = 6 * 60 * 60 * 1000;

const epoch = (iso: string | null): number => (iso ? Date.parse(iso) : NaN);

/** When the story happened as far as a reader cares: its published time, unless missing or later than its arrival. */
export function storyTime(story: CandidateStory): string {
  const published = epoch(story.publishedAt);
  const arrived = epoch(story.arrivedAt);
  return Number.isFinite(published) && !(published > arrived) ? story.publishedAt! : story.arrivedAt;
}

/** storyTime as epoch milliseconds. */
function storyEpoch(story: CandidateStory): number {
  const published = epoch(story.publishedAt);
  const arrived = epoch(story.arrivedAt);
  return Number.isFinite(published) && !(published > arrived) ? published : arrived;
}

const clusterKey = (story: CandidateStory): number => story.clusterId ?? -story.id;

/** Groups stories by cluster and ranks the groups: more outlets and newer first, ties by newest id. */
export function rankClusters(stories: readonly CandidateStory[]): RankedCluster[] {
  const groups = new Map<number, { story: CandidateStory; time: number }[]>();
  for (const story of stories) {
    const key = clusterKey(story);
    const timed = { story, time: storyEpoch(story) };
    const group = groups.get(key);
    if (group) group.push(timed);
    else groups.set(key, [timed]);
  }
  const ranked: (RankedCluster & { newestId: number })[] = [];
  for (const [key, group] of groups) {
    group.sort((a, b) => a.time - b.time || a.story.id - b.story.id);
    const members = group.map(({ story }) => story);
    const sources = [...new Set(members.map((story) => story.source))];
    const newest = group[group.length - 1]!.time;
    const newestId = members.reduce((max, story) => Math.max(max, story.id), 0);
    ranked.push({
      key,
      lead: members[0]!,
      members,
      sources,
      score: newest + (sources.length - 1) * COVERAGE_WEIGHT_MS,
      newestId,
    });
  }
  return ranked
    .sort((a, b) => b.score - a.score || b.newestId - a.newestId)
    .map(({ newestId: _, ...cluster }) => cluster);
}

export interface SelectionOptions {
  /** Stories per digest section, 1..25. */
  cap: number;
  /** Stories already delivered to the chat, or already placed in an earlier section. */
  excludedStoryIds?: ReadonlySet<number>;
  /** Clusters of which some story already reached the chat. */
  excludedClusterIds?: ReadonlySet<number>;
}

export interface Selection {
  chosen: RankedCluster[];
  /** Events left out by the cap. */
  more: number;
}

/**
 * Keeps the best `cap` events of an already ranked list, leaving out every event the chat has had
 * in any form: a cluster goes when any of its stories, or the cluster itself, is excluded.
 */
export function selectFromRanked(ranked: readonly RankedCluster[], options: SelectionOptions): Selection {
  const excludedStories = options.excludedStoryIds;
  const excludedClusters = options.excludedClusterIds;
  const chosen: RankedCluster[] = [];
  let more = 0;
  for (const cluster of ranked) {
    const had =
      (excludedClusters !== undefined && cluster.key > 0 && excludedClusters.has(cluster.key)) ||
      (excludedStories !== undefined &&
        excludedStories.size > 0 &&
        cluster.members.some((story) => excludedStories.has(story.id)));
    if (had) continue;
    if (chosen.length < options.cap) chosen.push(cluster);
    else more++;
  }
  return { chosen, more };
}

/** Ranks the new stories, drops every event the chat has already had, keeps the best `cap`. */
export function selectDigestStories(stories: readonly CandidateStory[], options: SelectionOptions): Selection {
  return selectFromRanked(rankClusters(stories), options);
}
