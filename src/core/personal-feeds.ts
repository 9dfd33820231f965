import * as z from 'zod';
import type { Args, CommandContext } from './command.js';
import { chatTimezone, describeNextRun, describeSubscription } from './digest/chat-subscriptions.js';
import { DEFAULT_STYLE, type Feed, type SubscriptionStyle, type Topic } from './domain.js';
import { UserError } from './errors.js';
import { normaliseHttpUrl, sameFeedUrl, storeCheckedFeed } from './feed-admin.js';
import type { OpmlTopic } from './ingest-port.js';
import { audit } from './ownership.js';
import { textReply, type Reply } from './reply.js';
import { DEFAULT_SCHEDULE, parseSchedule } from './schedule.js';
import { parseSubscriptionWords, type SubscriptionWords } from './schedule-words.js';
import { applyStyle, styleChangesOf } from './subscription-style.js';
import { normaliseSlug } from './slug.js';

/**
 * Personal feeds: in a private chat a person follows a feed (or a page announcing one) by its
 * address, as with rssbot, and gets it in their digests. Each is a topic owned by that chat
 * (Topic.ownerChatId) holding that one feed, which no other chat sees. It goes through the same
 * check as /feed add: the address guard and fetch limits, discovery, the first poll's baseline.
 */

/** Feeds one person may follow by address: enough for a reader, a bound on what one chat makes the bot poll. */
export const PERSONAL_FEED_CAP = 50;

/** Whether a command argument is a web address rather than a topic name. */
export const isWebAddress = (text: string): boolean => /^https?:\/\//i.test(text.trim());

/** A `/subscribe` or `/unsubscribe` argument: a topic slug (normalised), or an http(s) address (kept whole). */
export const topicOrAddressSchema = z.string().transform((value, ctx) => {
  if (isWebAddress(value)) {
    const url = normaliseHttpUrl(value);
    if (url) return url;
    ctx.addIssue({ code: 'custom', message: `'${value}' is not a valid web address` });
    return z.NEVER;
  }
  const slug = normaliseSlug(value);
  if (slug.length >= 1 && slug.length <= 40) return slug;
  ctx.addIssue({ code: 'custom', message: 'a topic name needs 1-40 letters or digits' });
  return z.NEVER;
});

export interface PersonalFeed {
  topic: Topic;
  feed: Feed | null;
}

/** The feeds this private chat follows by address (none elsewhere). */
export async function personalFeeds(context: CommandContext): Promise<PersonalFeed[]> {
  if (context.chat.kind !== 'private') return [];
  const { topics, feeds } = context.services;
  const found: PersonalFeed[] = [];
  for (const topic of await topics.listPersonal(context.chat.id)) {
    found.push({ topic, feed: (await feeds.listForTopic(topic.id))[0] ?? null });
  }
  return found;
}

/** This chat's personal topic named by `slugOrAddress` (its slug, or its feed's address), or null. */
export async function findPersonalTopic(context: CommandContext, slugOrAddress: string): Promise<Topic | null> {
  const byAddress = isWebAddress(slugOrAddress);
  const found = (await personalFeeds(context)).find(({ topic, feed }) =>
    byAddress ? feed !== null && sameFeedUrl(feed.url, slugOrAddress) : topic.slug === slugOrAddress,
  );
  return found?.topic ?? null;
}

const followingReply = ({ topic }: PersonalFeed): Reply =>
  textReply(`You already follow "${topic.name}" (${topic.slug}). /unsubscribe ${topic.slug} stops it.`);

export function assertRoom(count: number): void {
  if (count < PERSONAL_FEED_CAP) return;
  throw new UserError(
    `You follow ${count} feeds of your own, the most one person can (${PERSONAL_FEED_CAP}). ` +
      '/unsubscribe one of them first — /subscriptions lists them.',
  );
}

/** A slug from the feed's title (else its host), free among this chat's own feeds and the shared topics. */
async function freeSlug(context: CommandContext, name: string, feedUrl: string): Promise<string> {
  const { topics } = context.services;
  const taken = new Set(
    [...(await topics.listVisible(null)), ...(await topics.listPersonal(context.chat.id))].map((topic) => topic.slug),
  );
  const base = normaliseSlug(name).slice(0, 34).replace(/-$/, '') || normaliseSlug(new URL(feedUrl).hostname) || 'feed';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(slug)) return slug;
  }
}

/**
 * Inside a transaction: the personal topic holding `feed`, and this chat's subscription to it.
 * Shared by `/subscribe <address>` and `/import` in a private chat (src/core/personal-import.ts).
 */
export async function addPersonalTopic(
  context: CommandContext,
  feed: Feed,
  title: string | null,
  words: SubscriptionWords,
  style: SubscriptionStyle = DEFAULT_STYLE,
) {
  const { chat, services } = context;
  await services.chats.ensure(chat);
  const name = (title ?? new URL(feed.url).hostname).slice(0, 80);
  const topic = await services.topics.create({
    slug: await freeSlug(context, name, feed.url),
    name,
    description: feed.url,
    communityId: null,
    ownerChatId: chat.id,
  });
  await services.feeds.attach(topic.id, feed.id, context.actor.id);
  const timezone = words.timezone ?? (await chatTimezone(context));
  const schedule = parseSchedule(words.schedule ?? DEFAULT_SCHEDULE).text;
  const { subscription } = await services.subscriptions.save({
    chatId: chat.id,
    topicId: topic.id,
    schedule,
    timezone,
    cap: words.cap ?? services.settings.defaultDigestCap,
    nextRunAt: services.schedules.nextRun(schedule, timezone, context.now).toISOString(),
    style,
  });
  await audit(context, 'personal-feed.add', `${topic.slug}: ${feed.url}`);
  return { topic, subscription };
}

/** The pointer a group or server gets: personal feeds are for private chats. */
export const GROUP_POINTER =
  '/subscribe <address> follows a feed for one person, in a private chat with me. Here, a moderator adds the ' +
  "feed to one of this community's topics (/feed add <topic> <address>) and the chat follows that topic " +
  '(/subscribe <topic>).';

/**
 * `/subscribe <address>` in a private chat: checks the address (discovering a page's feed), then
 * in one transaction stores the feed, its baseline, the personal topic and the subscription.
 */
export async function followFeed(context: CommandContext, address: string, args: Args): Promise<Reply> {
  const { chat, services } = context;
  if (chat.kind !== 'private') throw new UserError(GROUP_POINTER);
  // Optional schedule words after the address, as after a topic (`/subscribe <address> instant`).
  const words = parseSubscriptionWords(args.schedule as string | undefined, args.timezone as string | undefined);
  // And the style words (`silent`, `format compact`, …), checked before anything is fetched.
  const style = applyStyle(context, DEFAULT_STYLE, styleChangesOf(args, words.style));
  const before = await personalFeeds(context);
  const known = before.find(({ feed }) => feed !== null && sameFeedUrl(feed.url, address));
  if (known) return followingReply(known);
  assertRoom(before.length);
  const check = await services.feedTools.checkFeed(address);
  if (!check.ok) throw new UserError(`Could not follow ${address}: ${check.reason}`);
  const made = await services.transaction(async () => {
    // Again: another command of this chat may have run while the address was fetched.
    const current = await personalFeeds(context);
    const already = current.find(({ feed }) => feed !== null && sameFeedUrl(feed.url, check.feedUrl));
    if (already) return { already, topic: already.topic, subscription: null };
    assertRoom(current.length);
    const feed = await storeCheckedFeed(services.feeds, check);
    // What the person saw now is old news; whatever the feed publishes from now on is not.
    if (feed.firstPolledAt === null) await services.feedTools.adoptBaseline(feed.id, check.baseline);
    return addPersonalTopic(context, feed, check.title, words, style);
  });
  const { topic, subscription } = made;
  if (!subscription) return followingReply({ topic, feed: null });
  const found = check.discoveredFrom ? `Found it on ${check.discoveredFrom}.\n` : '';
  const items = check.itemCount === 1 ? 'Its 1 current item is' : `Its ${check.itemCount} current items are`;
  return textReply(
    `${found}You now follow "${topic.name}" (${topic.slug}): ${describeSubscription(subscription)}.\n` +
      `${items} not sent; what it publishes from now on comes in your digest. ` +
      `Next digest: ${describeNextRun(subscription, await chatTimezone(context))}.\n` +
      `/unsubscribe ${topic.slug} stops it.`,
  );
}

/** Stops following a personal feed: its subscription, topic and (when no one else uses it) feed go. */
export async function unfollowFeed(context: CommandContext, topic: Topic): Promise<Reply> {
  await context.services.transaction(async () => {
    await context.services.subscriptions.remove(context.chat.id, topic.id);
    await context.services.topics.delete(topic.id);
    await context.services.feeds.deleteOrphans();
    await audit(context, 'personal-feed.remove', `${topic.slug}: ${topic.description}`);
  });
  return textReply(`You no longer follow "${topic.name}" (${topic.slug}).`);
}

/** This chat's personal feeds, as OPML topics for /export. */
export const personalOpmlTopics = async (context: CommandContext): Promise<OpmlTopic[]> =>
  (await personalFeeds(context)).map(({ topic, feed }) => ({
    topic,
    feeds: feed ? [{ url: feed.url, title: feed.title }] : [],
  }));
