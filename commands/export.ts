import { defineCommand } from '../src/core/command.js';
import { textReply } from '../src/core/reply.js';

export const exportCommand = defineCommand({
  name: 'export',
  description: "This community's topics and feeds as OPML, for a feed reader",
  access: 'moderator',
  options: [],
  example: '/export',
  async run({ services, chat }) {
    // Outside a community (private chat, console) the operator exports the global topics.
    const own = services.topics.listVisible(chat.communityId).filter((topic) => topic.communityId === chat.communityId);
    if (own.length === 0) {
      return textReply('There are no topics of this community to export yet. Create one with /topic create.', {
        ephemeral: true,
      });
    }
    const topics = own.map((topic) => ({
      topic,
      feeds: services.feeds.listForTopic(topic.id).map((feed) => ({ url: feed.url, title: feed.title })),
    }));
    const title = chat.communityId
      ? `newsbrief topics of ${chat.title ?? chat.communityId}`
      : 'newsbrief global topics';
    return textReply(await services.feedTools.renderOpml(title, topics), { title: 'OPML export', ephemeral: true });
  },
});
