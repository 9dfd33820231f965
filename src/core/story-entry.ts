import { displayQuote } from './digest/build.js';
import type { Story } from './domain.js';
import type { StoryEntry } from './reply.js';
import type { StoryStore } from './story-port.js';

/** A stored story as an entry of /latest or a sample digest: its outlet, the others that covered it, its key quotes. */
export async function storyEntryOf(stories: StoryStore, story: Story, quoteCount: number): Promise<StoryEntry> {
  return {
    storyIds: [story.id],
    headline: story.headline,
    url: story.url,
    source: story.source,
    time: story.publishedAt ?? story.arrivedAt,
    alsoCoveredBy: story.clusterId === null ? [] : await stories.clusterSources(story.clusterId, story.id),
    quotes: story.keyQuotes.slice(0, quoteCount).map(displayQuote),
    imageUrl: story.imageUrl,
  };
}
