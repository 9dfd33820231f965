import { defineCommand, type CommandContext } from '../src/core/command.js';
import { chatTimezone } from '../src/core/digest/chat-subscriptions.js';
import type { Topic } from '../src/core/domain.js';
import { textReply } from '../src/core/reply.js';
import { slugSchema } from '../src/core/slug.js';
import { storyEntryOf } from '../src/core/story-entry.js';
import { requireVisibleTopic } from '../src/core/topics.js';

/** /latest shows one key quote per story: enough to tell stories apart in a quick look. */
const QUOTES_IN_LATEST = 1;

interface Chosen {
  topics: Topic[];
  /** What the stories are from, as the reply's title says it. */
  scope: string;
  /** The same, in "No stories in … yet". */
  none: string;
  footer?: string;
}

/** The topic asked for; else the chat's subscribed topics; else every topic it can see, saying so. */
async function topicsFor(context: CommandContext, slug: string | undefined): Promise<Chosen> {
  if (slug) {
    const topic = await requireVisibleTopic(context, slug);
    return { topics: [topic], scope: topic.name, none: topic.name };
  }
  const { subscriptions, topics } = context.services;
  const subscribed: Topic[] = [];
  for (const subscription of await subscriptions.listForChat(context.chat.id)) {
    const topic = await topics.get(subscription.topicId);
    if (topic) subscribed.push(topic);
  }
  if (subscribed.length === 1) return { topics: subscribed, scope: subscribed[0]!.name, none: subscribed[0]!.name };
  if (subscribed.length > 1) {
    return { topics: subscribed, scope: 'the topics this chat follows', none: 'the topics this chat follows' };
  }
  return {
    topics: await topics.listVisible(context.chat.communityId),
    scope: 'all topics (this chat follows none yet)',
    none: 'any topic',
    footer: '/latest <topic> shows one topic; /subscribe <topic> sends its news here on a schedule.',
  };
}

export const latest = defineCommand({
  name: 'latest',
  description: 'The newest stories of a topic, or of the topics followed here',
  access: 'anyone',
  options: [
    {
      name: 'topic',
      description: 'Topic (default: the ones this chat follows)',
      type: 'string',
      autocomplete: 'topic',
      schema: slugSchema,
    },
    { name: 'count', description: 'How many stories, 1-10 (default 5)', type: 'integer', min: 1, max: 10 },
  ],
  example: '/latest world 3',
  moreExamples: ['/latest'],
  async run(context, args) {
    const chosen = await topicsFor(context, args.topic as string | undefined);
    const count = (args.count as number | undefined) ?? 5;
    if (chosen.topics.length === 0)
      return textReply('There are no topics here yet — /topics explains how to get some.');
    const stories = await context.services.stories.latest(
      chosen.topics.map((topic) => topic.id),
      count,
    );
    if (stories.length === 0) {
      return textReply(`No stories in ${chosen.none} yet. Feeds are polled every few minutes; try again soon.`);
    }
    return {
      kind: 'stories',
      title: `Latest in ${chosen.scope}`,
      entries: await Promise.all(
        stories.map((story) => storyEntryOf(context.services.stories, story, QUOTES_IN_LATEST)),
      ),
      timezone: await chatTimezone(context),
      ...(chosen.footer ? { footer: chosen.footer } : {}),
    };
  },
});
