import type { Topic } from '../core/domain.js';
import type { StoryMatchText } from '../core/story-port.js';
import { foldText as fold } from '../core/fold-text.js';

/**
 * Whether a story belongs to a topic its feed is in: it must mention one of the topic's include
 * keywords (when it has any) and none of its exclude keywords, in its headline, standfirst or
 * quotations. Matching ignores case and accents and respects word boundaries ("art" does not
 * match "party").
 */
export function storyMatchesTopic(
  topic: Pick<Topic, 'includeKeywords' | 'excludeKeywords'>,
  story: StoryMatchText,
): boolean {
  if (topic.includeKeywords.length === 0 && topic.excludeKeywords.length === 0) return true;
  const text = ` ${fold([story.headline, story.standfirst ?? '', ...story.quotes].join(' \n '))} `;
  const mentions = (keyword: string): boolean => {
    const word = fold(keyword);
    // After fold() both sides are words separated by single spaces, so spaces are the boundaries.
    return word.length > 0 && text.includes(` ${word} `);
  };
  if (topic.excludeKeywords.some(mentions)) return false;
  return topic.includeKeywords.length === 0 || topic.includeKeywords.some(mentions);
}

/** The topics among `topics` the story belongs to. */
export function matchingTopicIds(topics: readonly Topic[], story: StoryMatchText): number[] {
  return topics.filter((topic) => storyMatchesTopic(topic, story)).map((topic) => topic.id);
}
