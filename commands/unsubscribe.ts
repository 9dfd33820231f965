import { defineCommand } from '../src/core/command.js';
import { requireSubscription } from '../src/core/digest/chat-subscriptions.js';
import { audit } from '../src/core/ownership.js';
import { UserError } from '../src/core/errors.js';
import { findPersonalTopic, isWebAddress, topicOrAddressSchema, unfollowFeed } from '../src/core/personal-feeds.js';
import { textReply } from '../src/core/reply.js';
import { requireVisibleTopic } from '../src/core/topics.js';

export const unsubscribe = defineCommand({
  name: 'unsubscribe',
  description: 'Stop following a topic in this chat',
  aliases: ['unsub'],
  access: 'chat-manager',
  options: [
    {
      name: 'topic',
      description: 'Topic to stop following, or the address of one of your own feeds',
      type: 'string',
      required: true,
      autocomplete: 'topic',
      schema: topicOrAddressSchema,
    },
  ],
  example: '/unsubscribe world',
  moreExamples: ['/unsubscribe https://example.org/feed.xml'],
  async run(context, args) {
    const target = args.topic as string;
    const personal = await findPersonalTopic(context, target);
    if (personal) return unfollowFeed(context, personal);
    if (isWebAddress(target)) {
      throw new UserError(`This chat does not follow ${target}. /subscriptions lists what it follows.`);
    }
    const topic = await requireVisibleTopic(context, target);
    await requireSubscription(context, topic);
    await context.services.subscriptions.remove(context.chat.id, topic.id);
    await audit(context, 'subscription.delete', topic.slug);
    return textReply(`This chat no longer follows ${topic.name} (${topic.slug}).`);
  },
});
