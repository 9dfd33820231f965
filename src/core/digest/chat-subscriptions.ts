import type { CommandContext } from '../command.js';
import type { Subscription, Topic } from '../domain.js';
import { UserError } from '../errors.js';
import { describeStyle } from '../style-words.js';
import { describeTime } from '../schedule-words.js';

/** Small pieces the subscription commands share. */

/** The chat's own timezone, else the configured default. */
export async function chatTimezone(context: CommandContext): Promise<string> {
  return (await context.services.chats.get(context.chat.id))?.timezone ?? context.services.settings.defaultTimezone;
}

/** This chat's subscription to the topic, or a UserError saying how to get one. */
export async function requireSubscription(context: CommandContext, topic: Topic): Promise<Subscription> {
  const subscription = await context.services.subscriptions.find(context.chat.id, topic.id);
  if (!subscription) {
    throw new UserError(
      `This chat does not follow '${topic.slug}' — /subscribe ${topic.slug} first, or see /subscriptions.`,
    );
  }
  return subscription;
}

/** "daily 08:00 (Europe/London), up to 8 stories". */
export function describeSubscription(subscription: Subscription): string {
  const when = subscription.schedule === 'instant' ? 'each story as it lands' : subscription.schedule;
  const style = describeStyle(subscription.style);
  return `${when} (${subscription.timezone}), up to ${subscription.cap} ${subscription.cap === 1 ? 'story' : 'stories'}${style ? `; ${style}` : ''}`;
}

/** When the next digest comes, in the chat's timezone (and the subscription's, when it differs). */
export function describeNextRun(subscription: Subscription, timezone: string): string {
  if (!subscription.nextRunAt) return 'not scheduled';
  if (subscription.schedule === 'instant') return 'within a minute of each new story';
  const at = new Date(subscription.nextRunAt);
  const inChat = describeTime(at, timezone);
  const own = describeTime(at, subscription.timezone);
  // The subscription's own timezone too, when its clock reads differently.
  const sameClock = inChat.replace(/ \(.*\)$/, '') === own.replace(/ \(.*\)$/, '');
  return sameClock ? inChat : `${inChat}; ${own}`;
}
