import { DEFAULT_STYLE, type ChatId, type SubscriptionStyle } from '../domain.js';
import type { Digest, StoryEntry } from '../reply.js';
import {
  buildDigest,
  MAX_QUOTES_PER_ENTRY,
  sectionStyleOf,
  styledEntry,
  toStoryEntry,
  type SectionInput,
} from './build.js';
import type { DigestSource } from './ports.js';
import { selectFromRanked, type RankedCluster } from './select.js';
import { newsAfter, readTopicWindow, type TopicNews, type TopicWindow } from './topic-news.js';

/**
 * Plans one chat's digest from the stories behind its due subscriptions: what to show, which
 * stories become delivered, where each watermark moves. Reads through the DigestSource port and
 * writes nothing, so a preview and a real run plan exactly the same digest.
 */

/** A subscription as planning needs it. */
export interface PlannedSubscription {
  id: number;
  topicId: number;
  topicSlug: string;
  topicName: string;
  cap: number;
  watermark: number;
  /** How its section looks; the defaults when absent. */
  style?: SubscriptionStyle;
}

export interface ChatDigestPlan {
  /** Null when nothing is new: an empty digest is not sent. */
  digest: Digest | null;
  deliveries: { storyId: number; subscriptionId: number }[];
  /** Each subscription's watermark once this digest is sent: the highest story id considered. */
  watermarks: Map<number, number>;
}

/**
 * Caches what every subscription of a topic shares (its new stories, their older cluster members,
 * the ranked events, each event's entry) for the length of one run. Stories arriving meanwhile are
 * simply not considered yet: the watermark only moves past what was read.
 */
export interface PlanningCache {
  news(topicId: number, watermark: number): Promise<TopicNews>;
  /**
   * The entry for one ranked event, its key quotes loaded (as many as any subscription may show);
   * built once however many chats get it.
   */
  entry(cluster: RankedCluster): Promise<StoryEntry>;
}

/** What a run will ask of one topic: the lowest and highest watermark, and how many subscriptions. */
export interface TopicDemand {
  lowest: number;
  highest: number;
  uses: number;
}

/**
 * `demand`, when given, says what the run will ask of each topic: its news is read once, after the
 * lowest watermark, and serves every watermark up to the highest; it is let go after its last use,
 * so a run holds one window per topic still to come, whatever order the chats are planned in.
 */
export function createPlanningCache(source: DigestSource, demand?: ReadonlyMap<number, TopicDemand>): PlanningCache {
  // Promises, kept from the first ask: a second ask while the read is under way shares it.
  const windows = new Map<number, Promise<TopicWindow>>();
  const left = new Map<number, number>();
  const entries = new WeakMap<RankedCluster, Promise<StoryEntry>>();
  return {
    async news(topicId, watermark) {
      const wanted = demand?.get(topicId);
      let reading = windows.get(topicId);
      if (!reading) {
        reading = readTopicWindow(source, topicId, wanted?.lowest ?? watermark, wanted?.highest ?? watermark);
        windows.set(topicId, reading);
        if (wanted) left.set(topicId, wanted.uses);
      }
      const uses = left.get(topicId);
      if (uses !== undefined) {
        if (uses <= 1) {
          left.delete(topicId);
          windows.delete(topicId);
        } else {
          left.set(topicId, uses - 1);
        }
      }
      const window = await reading;
      return watermark >= window.after && watermark <= window.upTo
        ? newsAfter(window, watermark)
        : (await readTopicWindow(source, topicId, watermark, watermark)).base;
    },
    entry(cluster) {
      let entry = entries.get(cluster);
      if (!entry) {
        entry = source
          .keyQuotes(cluster.members.map((story) => story.id))
          .then((quotes) => toStoryEntry(cluster, quotes, MAX_QUOTES_PER_ENTRY));
        entries.set(cluster, entry);
      }
      return entry;
    },
  };
}

/** Plans the digest for one chat: a section per subscription (in the order given), each story once. */
export async function planChatDigest(
  source: DigestSource,
  cache: PlanningCache,
  input: { chatId: ChatId; timezone: string; at: Date; subscriptions: readonly PlannedSubscription[] },
): Promise<ChatDigestPlan> {
  const { chatId } = input;
  const watermarks = new Map<number, number>();
  const sectionInputs: (SectionInput & { subscriptionId: number; style: SubscriptionStyle })[] = [];
  const news: TopicNews[] = [];
  for (const subscription of input.subscriptions)
    news.push(await cache.news(subscription.topicId, subscription.watermark));
  input.subscriptions.forEach((subscription, index) =>
    watermarks.set(subscription.id, Math.max(subscription.watermark, news[index]!.maxId)),
  );
  // Nothing new (an instant subscription's usual minute): no need to ask what the chat already has.
  if (news.every((topicNews) => topicNews.stories.length === 0)) return { digest: null, deliveries: [], watermarks };

  const lowest = Math.min(...input.subscriptions.map((subscription) => subscription.watermark));
  const delivered = await source.deliveredSince(chatId, lowest);
  // Everything the chat already has, and everything placed in an earlier section of this digest.
  const excludedStoryIds = new Set(delivered.keys());
  const excludedClusterIds = new Set<number>();
  for (const clusterId of delivered.values()) if (clusterId !== null) excludedClusterIds.add(clusterId);

  for (const [index, subscription] of input.subscriptions.entries()) {
    const topicNews = news[index]!;
    if (topicNews.stories.length === 0) continue;
    if (topicNews.earlier.size > 0) {
      const older = [...topicNews.earlier.values()].flat();
      const seen = await source.deliveredAmong(chatId, older);
      for (const [clusterId, members] of topicNews.earlier) {
        if (members.some((id) => seen.has(id))) excludedClusterIds.add(clusterId);
      }
    }
    const selection = selectFromRanked(topicNews.ranked, {
      cap: subscription.cap,
      excludedStoryIds,
      excludedClusterIds,
    });
    for (const cluster of selection.chosen) {
      for (const story of cluster.members) excludedStoryIds.add(story.id);
      if (cluster.lead.clusterId !== null) excludedClusterIds.add(cluster.lead.clusterId);
    }
    sectionInputs.push({
      subscriptionId: subscription.id,
      topicSlug: subscription.topicSlug,
      topicName: subscription.topicName,
      style: subscription.style ?? DEFAULT_STYLE,
      ...selection,
    });
  }

  const sections = [];
  for (const section of sectionInputs) {
    const style = sectionStyleOf(section.style);
    const entries = [];
    for (const cluster of section.chosen) entries.push(styledEntry(await cache.entry(cluster), section.style));
    sections.push({
      topicSlug: section.topicSlug,
      topicName: section.topicName,
      entries,
      more: section.more,
      ...(style ? { style } : {}),
    });
  }
  const digest = buildDigest({ chatId, timezone: input.timezone, at: input.at, sections });
  const deliveries = sectionInputs.flatMap((section) =>
    section.chosen.flatMap((cluster) =>
      cluster.members.map((story) => ({ storyId: story.id, subscriptionId: section.subscriptionId })),
    ),
  );
  return { digest, deliveries, watermarks };
}
