import { defineCommand } from '../src/core/command.js';
import { AccessDeniedError } from '../src/core/errors.js';
import type { OpmlTopic } from '../src/core/ingest-port.js';
import { personalOpmlTopics } from '../src/core/personal-feeds.js';
import { textReply } from '../src/core/reply.js';

export const exportCommand = defineCommand({
  name: 'export',
  description: 'Topics and feeds here as OPML (in a private chat: your own)',
  // A person exports their own feeds in a private chat; a community's topics stay for its moderators (below).
  access: 'chat-manager',
  options: [],
  example: '/export',
  async run(context) {
    const { services, chat, actor } = context;
    if (chat.communityId && !actor.isModerator && !actor.isOperator) {
      throw new AccessDeniedError('Only moderators of this community can do that.');
    }
    // Outside a community (private chat, console) the operator also exports the global topics.
    const shared =
      chat.communityId || actor.isOperator
        ? (await services.topics.listVisible(chat.communityId)).filter(
            (topic) => topic.communityId === chat.communityId,
          )
        : [];
    const topics: OpmlTopic[] = [];
    for (const topic of shared) {
      const feeds = await services.feeds.listForTopic(topic.id);
      topics.push({ topic, feeds: feeds.map((feed) => ({ url: feed.url, title: feed.title })) });
    }
    topics.push(...(await personalOpmlTopics(context)));
    if (topics.length === 0) {
      const hint = chat.communityId
        ? 'There are no topics of this community to export yet. Create one with /topic create.'
        : actor.isOperator
          ? 'There are no global topics or feeds of your own to export yet.'
          : 'You follow no feeds of your own yet: /subscribe <feed address> follows one.';
      return textReply(hint, { ephemeral: true });
    }
    const title = chat.communityId
      ? `newsbrief topics of ${chat.title ?? chat.communityId}`
      : shared.length > 0
        ? 'newsbrief global topics'
        : 'newsbrief: my feeds';
    return textReply(await services.feedTools.renderOpml(title, topics), { title: 'OPML export', ephemeral: true });
  },
});
