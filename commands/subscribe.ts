import { defineCommand, type CommandContext } from '../src/core/command.js';
import { chatTimezone, describeNextRun, describeSubscription } from '../src/core/digest/chat-subscriptions.js';
import { audit } from '../src/core/ownership.js';
import { textReply, type Reply } from '../src/core/reply.js';
import { followFeed, isWebAddress, topicOrAddressSchema } from '../src/core/personal-feeds.js';
import { DEFAULT_SCHEDULE, parseSchedule } from '../src/core/schedule.js';
import { parseSubscriptionWords } from '../src/core/schedule-words.js';
import { DEFAULT_STYLE } from '../src/core/domain.js';
import { applyStyle, STYLE_OPTIONS, styleChangesOf } from '../src/core/subscription-style.js';
import { requireVisibleTopic } from '../src/core/topics.js';

/** At most this many topic buttons (Discord allows 25 per message). */
const MAX_CHOICES = 25;

/** No topic given: buttons for the topics this chat does not follow yet, or the usage as text. */
async function chooseTopic(context: CommandContext): Promise<Reply> {
  const { services, chat } = context;
  const followed = new Set(
    (await services.subscriptions.listForChat(chat.id)).map((subscription) => subscription.topicId),
  );
  const open = (await services.topics.listVisible(chat.communityId)).filter((topic) => !followed.has(topic.id));
  if (open.length === 0) return textReply('There is no topic left to follow here. /topics lists them all.');
  if (chat.platform === 'console') {
    return textReply(
      `Usage: /subscribe <topic> [schedule] [timezone]\nTopics: ${open.map((topic) => topic.slug).join(', ')}`,
    );
  }
  return {
    kind: 'text',
    text: `Which topic should this chat follow? (${DEFAULT_SCHEDULE} by default — /subscribe <topic> <schedule> to choose)`,
    choices: open.slice(0, MAX_CHOICES).map((topic) => ({ label: topic.name, command: `/subscribe ${topic.slug}` })),
  };
}

export const subscribe = defineCommand({
  name: 'subscribe',
  description: 'Follow a topic in this chat, with a digest on a schedule',
  aliases: ['sub'],
  access: 'chat-manager',
  options: [
    {
      name: 'topic',
      description: 'Topic to follow (see /topics), or in a private chat a feed or page address',
      type: 'string',
      autocomplete: 'topic',
      schema: topicOrAddressSchema,
    },
    {
      name: 'schedule',
      description: 'instant, hourly, daily 08:00, weekdays 08:00, weekly mon 08:00 or cron; add "max 5" to cap it',
      type: 'string',
    },
    { name: 'timezone', description: "IANA timezone such as Europe/London (default: the chat's)", type: 'string' },
    ...STYLE_OPTIONS,
  ],
  example: '/subscribe world daily 08:00 Europe/London',
  moreExamples: [
    '/subscribe technology weekdays 07:30 max 5',
    '/subscribe climate instant format compact quotes 1 silent',
    '/subscribe world daily 08:00 mention @News',
    '/sub world',
    '/subscribe https://example.org/feed.xml',
  ],
  async run(context, args) {
    const slug = args.topic as string | undefined;
    if (!slug) return chooseTopic(context);
    // A person's own feed, by address (src/core/personal-feeds.ts).
    if (isWebAddress(slug)) return followFeed(context, slug, args);
    const { services, chat, now } = context;
    const topic = await requireVisibleTopic(context, slug);
    const words = parseSubscriptionWords(args.schedule as string | undefined, args.timezone as string | undefined);
    const existing = await services.subscriptions.find(chat.id, topic.id);
    const schedule = parseSchedule(words.schedule ?? existing?.schedule ?? DEFAULT_SCHEDULE).text;
    const timezone = words.timezone ?? existing?.timezone ?? (await chatTimezone(context));
    const cap = words.cap ?? existing?.cap ?? services.settings.defaultDigestCap;
    const style = applyStyle(context, existing?.style ?? DEFAULT_STYLE, styleChangesOf(args, words.style));
    const nextRunAt = services.schedules.nextRun(schedule, timezone, now).toISOString();
    await services.chats.ensure(chat);
    const { subscription, created } = await services.subscriptions.save({
      chatId: chat.id,
      topicId: topic.id,
      schedule,
      timezone,
      cap,
      nextRunAt,
      style,
    });
    const described = describeSubscription(subscription);
    await audit(context, created ? 'subscription.create' : 'subscription.update', `${topic.slug}: ${described}`);
    const verb = created ? 'This chat now follows' : 'Updated';
    return textReply(
      `${verb} ${topic.name} (${topic.slug}): ${described}.\nNext digest: ${describeNextRun(subscription, await chatTimezone(context))}.`,
    );
  },
});
