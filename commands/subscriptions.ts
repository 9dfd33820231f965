import { defineCommand } from '../src/core/command.js';
import { chatTimezone, describeNextRun, describeSubscription } from '../src/core/digest/chat-subscriptions.js';
import { textReply } from '../src/core/reply.js';

export const subscriptions = defineCommand({
  name: 'subscriptions',
  description: "This chat's subscriptions, their schedules and next digests",
  aliases: ['list'],
  access: 'anyone',
  options: [],
  example: '/subscriptions',
  run(context) {
    const { services, chat } = context;
    const list = services.subscriptions.listForChat(chat.id);
    if (list.length === 0)
      return textReply('This chat follows no topics yet. /topics lists them; /subscribe <topic> follows one.');
    const timezone = chatTimezone(context);
    const lines = list.map((subscription) => {
      const topic = services.topics.get(subscription.topicId);
      const own = topic?.ownerChatId ? ` (your feed ${topic.description})` : '';
      return `${topic?.slug ?? subscription.topicId}${own} — ${describeSubscription(subscription)}\n    next: ${describeNextRun(subscription, timezone)}`;
    });
    const paused = services.chats.get(chat.id)?.pausedAt ? services.chats.get(chat.id) : null;
    if (paused)
      lines.unshift(
        `Deliveries here are paused (${paused.pausedReason ?? 'no reason given'}) — /resume starts them again.`,
      );
    return textReply(lines.join('\n'), { title: 'This chat follows' });
  },
});
