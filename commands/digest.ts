import { isAllowed, refusalReason } from '../src/core/access.js';
import { defineCommand, type CommandContext } from '../src/core/command.js';
import { digestDate, QUOTES_PER_ENTRY } from '../src/core/digest/build.js';
import { chatTimezone, describeNextRun, requireSubscription } from '../src/core/digest/chat-subscriptions.js';
import type { Subscription, Topic } from '../src/core/domain.js';
import { audit } from '../src/core/ownership.js';
import { errorReply, textReply, type Reply } from '../src/core/reply.js';
import { normaliseSlug } from '../src/core/slug.js';
import { storyEntryOf } from '../src/core/story-entry.js';
import { requireVisibleTopic } from '../src/core/topics.js';

/**
 * A topic this chat does not follow yet: its newest stories, shown as a digest would show them,
 * so people can see what they would get before they subscribe. Nothing is recorded.
 */
async function sampleDigest(context: CommandContext, topic: Topic): Promise<Reply> {
  const { services } = context;
  const stories = await services.stories.latest([topic.id], services.settings.defaultDigestCap);
  if (stories.length === 0) return textReply(`No stories in ${topic.name} yet. Feeds are polled every few minutes.`);
  const entries = await Promise.all(stories.map((story) => storyEntryOf(services.stories, story, QUOTES_PER_ENTRY)));
  return {
    kind: 'digest',
    digest: {
      chatId: context.chat.id,
      title: `This chat does not follow ${topic.name}, so here are its newest stories as a digest would show them. /subscribe ${topic.slug} sends new ones on a schedule.`,
      timezone: await chatTimezone(context),
      sections: [{ topicSlug: topic.slug, topicName: topic.name, entries, more: 0 }],
    },
  };
}

/**
 * Why a preview is empty. A subscription holds only stories that arrive after it was made, so
 * before its first digest "since the last digest" would be untrue: say when the first digest
 * comes and what it will hold instead. No digest has gone out while the first scheduled run after
 * subscribing is still ahead and nobody sent one by hand (`/digest send`, in the audit log).
 */
async function nothingNew(
  context: CommandContext,
  subscriptions: readonly Subscription[],
  topic: Topic | null,
): Promise<Reply> {
  const { services, now, chat } = context;
  const timezone = await chatTimezone(context);
  const sentByHand = (await services.audit.list({ communityId: chat.communityId, limit: 500 })).filter(
    (entry) => entry.chatId === chat.id && entry.action === 'digest.send',
  );
  const neverSent = (subscription: Subscription): boolean =>
    services.schedules.nextRun(subscription.schedule, subscription.timezone, new Date(subscription.createdAt)) >= now &&
    !sentByHand.some((entry) => entry.at >= subscription.createdAt);
  const soonest = subscriptions
    .filter((subscription) => subscription.nextRunAt !== null)
    .sort((a, b) => a.nextRunAt!.localeCompare(b.nextRunAt!))[0];
  if (soonest && subscriptions.every(neverSent)) {
    const name = topic ? `${topic.name} ` : '';
    const first =
      soonest.schedule === 'instant'
        ? 'Each new story is sent within a minute of its arrival'
        : `The first digest comes ${describeNextRun(soonest, timezone)}, with up to ${soonest.cap} of the stories that arrive until then`;
    return textReply(
      `No ${name}digest has been sent here yet, and no new ${name}story has arrived since this chat subscribed. ${first}. /latest shows the newest stories now.`,
    );
  }
  const next = soonest ? ` The next digest comes ${describeNextRun(soonest, timezone)}.` : '';
  return textReply(`Nothing new for ${topic ? `'${topic.slug}'` : 'this chat'} since the last digest.${next}`);
}

export const digest = defineCommand({
  name: 'digest',
  description: "Preview this chat's next digest; add 'send' to send it now",
  access: 'anyone',
  options: [
    {
      name: 'topic',
      description: 'Only this topic (default: every topic the chat follows)',
      type: 'string',
      autocomplete: 'topic',
    },
    {
      name: 'send',
      description: 'Send it now and count it as sent',
      type: 'string',
      choices: [{ name: 'send', value: 'send' }],
    },
  ],
  example: '/digest world send',
  moreExamples: ['/digest', '/digest climate'],
  async run(context, args) {
    const { services, chat, actor, now } = context;
    let slug = args.topic === undefined ? undefined : normaliseSlug(args.topic as string);
    let send = args.send === 'send';
    // Typed as `/digest send`: the one word is the action, not a topic.
    if (slug === 'send' && !send) {
      slug = undefined;
      send = true;
    }
    const topic = slug ? await requireVisibleTopic(context, slug) : null;
    if (topic && !send && !(await services.subscriptions.find(chat.id, topic.id))) return sampleDigest(context, topic);
    if (topic) await requireSubscription(context, topic);
    else if ((await services.subscriptions.listForChat(chat.id)).length === 0) {
      return textReply('This chat follows no topics yet. /subscribe <topic> follows one.');
    }
    const topicIds = topic ? [topic.id] : null;
    const what = topic ? `'${topic.slug}'` : 'this chat';

    if (!send) {
      const preview = await services.digests.preview(chat.id, topicIds, now);
      if (!preview) {
        const chosen = (await services.subscriptions.listForChat(chat.id)).filter(
          (subscription) => !topic || subscription.topicId === topic.id,
        );
        return nothingNew(context, chosen, topic);
      }
      const day = digestDate(now, preview.timezone);
      const title = topic
        ? `Preview of this chat's next ${topic.name} digest as it stands on ${day}; nothing is sent.`
        : `Preview of this chat's next digest as it stands on ${day}; nothing is sent.`;
      return { kind: 'digest', digest: { ...preview, title } };
    }
    if (!isAllowed('chat-manager', actor)) return errorReply(refusalReason('chat-manager'));
    const sent = await services.digests.sendNow(chat.id, topicIds, now);
    if (!sent) return textReply(`Nothing new to send for ${what}.`);
    await audit(context, 'digest.send', `${topic?.slug ?? 'all topics'}: ${sent.stories} stories`);
    const counted = `${sent.stories} ${sent.stories === 1 ? 'story' : 'stories'} in ${sent.messages} message${sent.messages === 1 ? '' : 's'}`;
    if ((await services.chats.get(chat.id))?.pausedAt) {
      return textReply(`Queued ${counted}; deliveries here are paused, so they go out after /resume.`);
    }
    return textReply(`Sending ${counted}; they count as delivered.`);
  },
});
