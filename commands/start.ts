import { defineCommand } from '../src/core/command.js';
import { textReply } from '../src/core/reply.js';

/**
 * The welcome: what newsbrief does and three commands to try. Telegram sends /start when a person
 * opens the bot; Discord and the console offer it as people coming from other bots expect it.
 */
export const start = defineCommand({
  name: 'start',
  description: 'What newsbrief does and three commands to try first',
  access: 'anyone',
  options: [],
  example: '/start',
  async run({ services, chat }) {
    const [first] = await services.topics.listVisible(chat.communityId);
    const slug = first?.slug ?? 'world';
    return textReply(
      [
        'newsbrief sends this chat a digest of the news on a schedule you choose: each story with its headline, the key quotes and who said them, and the link.',
        '',
        'Try these three:',
        '/topics — the topics you can follow here',
        `/latest ${slug} — the newest stories of a topic now`,
        `/subscribe ${slug} daily 08:00 — a digest every morning at 08:00`,
        '',
        '/help lists every command.',
      ].join('\n'),
      { title: 'Welcome to newsbrief' },
    );
  },
});
