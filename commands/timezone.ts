import { defineCommand } from '../src/core/command.js';
import { chatTimezone } from '../src/core/digest/chat-subscriptions.js';
import { audit } from '../src/core/ownership.js';
import { textReply } from '../src/core/reply.js';
import { canonicalTimezone } from '../src/core/schedule-words.js';

export const timezone = defineCommand({
  name: 'timezone',
  description: "Set this chat's timezone for digests",
  access: 'chat-manager',
  options: [
    {
      name: 'name',
      description: 'IANA timezone, e.g. Europe/London or America/New_York',
      type: 'string',
      required: true,
    },
  ],
  example: '/timezone Europe/London',
  async run(context, args) {
    const { services, chat, now } = context;
    const next = canonicalTimezone(args.name as string);
    const previous = await chatTimezone(context);
    await services.chats.ensure(chat);
    await services.chats.setTimezone(chat.id, next);
    // Subscriptions that followed the chat's timezone keep following it; ones given their own keep theirs.
    const moved =
      previous === next
        ? 0
        : await services.subscriptions.retime(chat.id, previous, next, (subscription) =>
            services.schedules.nextRun(subscription.schedule, next, now).toISOString(),
          );
    await audit(context, 'chat.timezone', `${previous} → ${next}`);
    const followers =
      moved > 0
        ? ` ${moved} subscription${moved === 1 ? '' : 's'} now run${moved === 1 ? 's' : ''} on ${next} time.`
        : '';
    return textReply(`This chat's timezone is now ${next}.${followers}`);
  },
});
