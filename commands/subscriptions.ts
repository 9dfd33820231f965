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
  async run(context) {
    const { services, chat } = context;
    const list = await services.subscriptions.listForChat(chat.id);
    if (list.length === 0)
      return textReply('This chat follows no topics yet. /topics lists them; /subscribe <topic> follows one.');
    const timezone = await chatTimezone(context);
    const lines: string[] = [];
    for (const subscription of list) {
      const topic = await services.topics.get(subscription.topicId);
      const own = topic?.ownerChatId ? ` (your feed ${topic.description})` : '';
      lines.push(
        `${topic?.slug ?? subscription.topicId}${own} — ${describeSubscription(subscription)}\n    next: ${describeNextRun(subscription, timezone)}`,
      );
    }
    const current = await services.chats.get(chat.id);
    const paused = current?.pausedAt ? current : null;
    if (paused)
      lines.unshift(
        `Deliveries here are paused (${paused.pausedReason ?? 'no reason given'}) — /resume starts them again.`,
      );
    return textReply(lines.join('\n'), { title: 'This chat follows' });
  },
});
