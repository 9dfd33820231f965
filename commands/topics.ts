import { defineCommand } from '../src/core/command.js';
import { textReply } from '../src/core/reply.js';

export const topics = defineCommand({
  name: 'topics',
  description: 'List the topics this chat can subscribe to',
  access: 'anyone',
  options: [],
  example: '/topics',
  async run({ services, chat }) {
    const visible = await services.topics.listVisible(chat.communityId);
    if (visible.length === 0) return textReply('No topics yet. A moderator can create one with /topic create.');
    const lines: string[] = [];
    for (const topic of visible) {
      const feeds = await services.topics.feedCount(topic.id);
      const owner = topic.communityId ? ' (this community)' : '';
      const description = topic.description || topic.name;
      lines.push(`${topic.slug} — ${description}${owner} · ${feeds} feed${feeds === 1 ? '' : 's'}`);
    }
    return textReply(lines.join('\n'), { title: 'Topics you can subscribe to' });
  },
});
