import { createPlanningCache, planChatDigest, type ChatDigestPlan } from '../core/digest/plan.js';
import type { DeliveryControl, OutboxStore } from '../core/digest/outbox-port.js';
import type { DigestActions, DigestLedger, DigestSource } from '../core/digest/ports.js';
import type { ChatId, Platform } from '../core/domain.js';
import { UserError } from '../core/errors.js';
import type { ChatStore, Messenger, SubscriptionStore, TopicStore } from '../core/ports.js';

/**
 * What /digest, /pause and /resume do: preview a chat's digest (nothing moves), send it now
 * (as a scheduled run would, minus the schedule), pause and resume its deliveries.
 */
export interface DigestActionsOptions {
  subscriptions: SubscriptionStore;
  topics: TopicStore;
  chats: ChatStore;
  source: DigestSource;
  ledger: DigestLedger;
  control: DeliveryControl;
  /** For /status: what the chat's outbox holds. */
  outbox: OutboxStore;
  messengerFor(platform: Platform): Messenger | undefined;
  /** Called after messages were queued or released: wakes the delivery worker. */
  onQueued?: () => void;
}

export function createDigestActions(options: DigestActionsOptions): DigestActions {
  const plan = async (
    chatId: ChatId,
    topicIds: readonly number[] | null,
    now: Date,
  ): Promise<ChatDigestPlan | null> => {
    const chosen = (await options.subscriptions.listForChat(chatId)).filter(
      (subscription) => !topicIds || topicIds.includes(subscription.topicId),
    );
    if (chosen.length === 0) return null;
    const subscriptions = [];
    for (const subscription of chosen) {
      const topic = await options.topics.get(subscription.topicId);
      subscriptions.push({
        id: subscription.id,
        topicId: subscription.topicId,
        topicSlug: topic?.slug ?? String(subscription.topicId),
        topicName: topic?.name ?? String(subscription.topicId),
        cap: subscription.cap,
        watermark: subscription.watermark,
        style: subscription.style,
      });
    }
    const cache = createPlanningCache(options.source);
    return planChatDigest(options.source, cache, { chatId, timezone: chosen[0]!.timezone, at: now, subscriptions });
  };

  return {
    async preview(chatId, topicIds, now) {
      return (await plan(chatId, topicIds, now))?.digest ?? null;
    },
    async sendNow(chatId, topicIds, now) {
      const chat = await options.chats.get(chatId);
      const messenger = chat ? options.messengerFor(chat.platform) : undefined;
      if (!chat || !messenger)
        throw new UserError('Digests cannot be sent to this chat right now: its platform is not running.');
      const planned = await plan(chatId, topicIds, now);
      if (!planned?.digest) return null;
      const messages = messenger.renderDigest(planned.digest).map((message, index) => ({
        key: `manual:${chatId}:${now.toISOString()}#${index + 1}`,
        payload: JSON.stringify(message),
      }));
      const written = await options.ledger.commit({
        chatId,
        at: now.toISOString(),
        messages,
        deliveries: planned.deliveries,
        advances: [...planned.watermarks].map(([subscriptionId, watermark]) => ({ subscriptionId, watermark })),
      });
      if (!written) throw new UserError('That digest is already on its way.');
      options.onQueued?.();
      const stories = planned.digest.sections.reduce((count, section) => count + section.entries.length, 0);
      return { stories, messages: messages.length };
    },
    pause(chatId, reason, now) {
      return options.control.pause(chatId, reason, now);
    },
    async resume(chatId, now) {
      const result = await options.control.resume(chatId, now);
      options.onQueued?.();
      return result;
    },
    deliveryStatus: (chatId, recentFailures) => options.outbox.chatStatus(chatId, recentFailures),
    deliveryTotals: () => options.outbox.counts(),
  };
}
