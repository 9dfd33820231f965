import { defineCommand } from '../src/core/command.js';
import { requireSubscription } from '../src/core/digest/chat-subscriptions.js';
import { audit } from '../src/core/ownership.js';
import { textReply } from '../src/core/reply.js';
import { slugSchema } from '../src/core/slug.js';
import { requireVisibleTopic } from '../src/core/topics.js';

export const unsubscribe = defineCommand({
  name: 'unsubscribe',
  description: 'Stop following a topic in this chat',
  aliases: ['unsub'],
  access: 'chat-manager',
  options: [
    {
      name: 'topic',
      description: 'Topic to stop following',
      type: 'string',
      required: true,
      autocomplete: 'topic',
      schema: slugSchema,
    },
  ],
  example: '/unsubscribe world',
  run(context, args) {
    const topic = requireVisibleTopic(context, args.topic as string);
    requireSubscription(context, topic);
    context.services.subscriptions.remove(context.chat.id, topic.id);
    audit(context, 'subscription.delete', topic.slug);
    return textReply(`This chat no longer follows ${topic.name} (${topic.slug}).`);
  },
});
