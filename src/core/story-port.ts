import type { Quote, Story } from './domain.js';

/**
 * A story ready to be stored: what ingestion made of one feed item. A Story before the store gives
 * it an id and a cluster, with every quotation found and the topics it belongs to.
 */
export type NewStory = Omit<Story, 'id' | 'imageUrl' | 'clusterId'> & {
  /** The lead image's address (see Story.imageUrl); absent or null when there is none. */
  imageUrl?: string | null;
  /** Every quotation found, in article order; `keyQuotes` (at most 3, best first) normally appear here too. */
  quotes: Quote[];
  /** Topics the story belongs to (already narrowed by each topic's keywords). */
  topicIds: number[];
};

/** The text a topic's include/exclude keywords are matched against. */
export interface StoryMatchText {
  headline: string;
  standfirst: string | null;
  quotes: string[];
}

/**
 * Stored stories. A key is stored once and never forgotten for at least 12 months, whatever feed,
 * topic or restart brings the item again. Adding a story also places it in a cluster: the same
 * event from several outlets (near-identical headline or a shared quotation within 48 hours).
 */
export interface StoryStore {
  /** Which of these keys are already stored, with the story id of each. */
  knownKeys(keys: readonly string[]): Promise<Map<string, number>>;
  /**
   * Stores the story, its quotes and topics, and clusters it, in one transaction. When the key is
   * already stored nothing is written and the stored story comes back with `created: false`.
   */
  add(story: NewStory): Promise<{ story: Story; created: boolean }>;
  /** Adds topics to a stored story (a second feed carried it); returns how many were new. */
  addTopics(storyId: number, topicIds: readonly number[]): Promise<number>;
  topicIdsOf(storyId: number): Promise<number[]>;
  /** Headline, standfirst and every quotation of a stored story, for keyword matching. */
  matchText(storyId: number): Promise<StoryMatchText | null>;
  get(id: number): Promise<Story | null>;
  /**
   * The newest stories of these topics, newest first by published time (arrival when the feed gave
   * none, or gave a time in the future), one per cluster, with keyQuotes in order of key rank.
   */
  latest(topicIds: readonly number[], limit: number): Promise<Story[]>;
  /** The outlets (source names) of the cluster's other stories, excluding the story's own outlet. */
  clusterSources(clusterId: number, exceptStoryId: number): Promise<string[]>;
}
