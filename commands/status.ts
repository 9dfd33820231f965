import { defineCommand } from '../src/core/command.js';
import { chatTimezone } from '../src/core/digest/chat-subscriptions.js';
import type { OutboxStatus } from '../src/core/digest/outbox-port.js';
import { formatTime } from '../src/core/format-time.js';
import { textReply } from '../src/core/reply.js';

/** Failures listed, newest first; the counts cover the rest. */
const RECENT_FAILURES = 5;

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

const countsLine = (counts: Record<OutboxStatus, number>): string =>
  `${counts.pending} waiting, ${counts.held} held by a pause, ${counts.failed} failed, ${counts.sent} sent`;

/**
 * This chat's deliveries, for whoever manages the chat: paused or not, messages waiting and held,
 * and the messages that failed for good (refused by the platform, or out of attempts) with why.
 * The operator sees the whole outbox's counts too.
 */
export const status = defineCommand({
  name: 'status',
  description: 'Deliveries here: waiting, held and failed messages, and why',
  access: 'chat-manager',
  options: [],
  example: '/status',
  async run(context) {
    const { services, chat, actor } = context;
    const { counts, failures } = await services.digests.deliveryStatus(chat.id, RECENT_FAILURES);
    const lines = [`Messages for this chat: ${countsLine(counts)}.`];
    const current = await services.chats.get(chat.id);
    if (current?.pausedAt)
      lines.push(
        `Deliveries here are paused (${current.pausedReason ?? 'no reason given'}): /resume starts them again.`,
      );
    if (failures.length > 0) {
      const timezone = await chatTimezone(context);
      const shown = failures.length < counts.failed ? ` (the latest ${failures.length})` : '';
      lines.push(`Failed messages${shown}, not sent and not retried; the messages after them went on:`);
      for (const failure of failures)
        lines.push(
          `• ${formatTime(failure.failedAt, timezone)}, after ${plural(failure.attempts, 'attempt')}: ${failure.reason}`,
        );
    }
    if (actor.isOperator) lines.push(`All chats: ${countsLine(await services.digests.deliveryTotals())}.`);
    return textReply(lines.join('\n'), { title: 'Deliveries' });
  },
});
