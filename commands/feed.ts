import { defineCommandGroup, type CommandContext } from '../src/core/command.js';
import type { Feed, Topic } from '../src/core/domain.js';
import { UserError } from '../src/core/errors.js';
import {
  capLines,
  chatTimezone,
  feedName,
  feedStatus,
  feedUrlSchema,
  managedTopics,
  sameFeedUrl,
  storeCheckedFeed,
} from '../src/core/feed-admin.js';
import { assertCanChangeTopic, audit } from '../src/core/ownership.js';
import { textReply } from '../src/core/reply.js';
import { requireVisibleTopic, topicSlugOption } from '../src/core/topics.js';

const topicOption = topicSlugOption('topic');
const urlOption = {
  name: 'url',
  description: 'Feed address (or a page that announces one)',
  type: 'string',
  required: true,
  schema: feedUrlSchema,
} as const;

/** The topic, if the caller may change its feeds here (nothing is changed otherwise). */
async function changeableTopic(context: CommandContext, slug: string): Promise<Topic> {
  const topic = await requireVisibleTopic(context, slug);
  assertCanChangeTopic(context, topic);
  return topic;
}

async function feedOfTopic(context: CommandContext, topic: Topic, url: string): Promise<Feed> {
  const feed = (await context.services.feeds.listForTopic(topic.id)).find((candidate) =>
    sameFeedUrl(candidate.url, url),
  );
  if (!feed) throw new UserError(`${url} is not a feed of '${topic.slug}'. /feed list ${topic.slug} shows its feeds.`);
  return feed;
}

export const feed = defineCommandGroup({
  name: 'feed',
  description: 'Manage the feeds behind topics',
  subcommands: [
    {
      name: 'add',
      description: 'Add a feed (or the feed a page announces) to a topic',
      access: 'moderator',
      options: [topicOption, urlOption],
      example: '/feed add local-news https://example.org/rss',
      async run(context, args) {
        const topic = await changeableTopic(context, args.topic as string);
        const check = await context.services.feedTools.checkFeed(args.url as string);
        if (!check.ok) throw new UserError(`Could not add ${String(args.url)}: ${check.reason}`);
        const { feeds } = context.services;
        if ((await feeds.listForTopic(topic.id)).some((existing) => sameFeedUrl(existing.url, check.feedUrl))) {
          return textReply(`${check.feedUrl} is already a feed of '${topic.slug}'.`, { ephemeral: true });
        }
        const stored = await storeCheckedFeed(feeds, check);
        await feeds.attach(topic.id, stored.id, context.actor.id);
        // What the moderator saw now is old news; whatever the feed publishes from now on is not.
        if (stored.firstPolledAt === null) await context.services.feedTools.adoptBaseline(stored.id, check.baseline);
        await audit(context, 'feed.add', `${topic.slug}: ${stored.url}`);
        const found = check.discoveredFrom ? `Found it on ${check.discoveredFrom}.\n` : '';
        const items = `${check.itemCount} item${check.itemCount === 1 ? '' : 's'}`;
        return textReply(
          `${found}Added "${check.title ?? stored.url}" (${items}) to '${topic.slug}'. ` +
            'Those items are not sent; stories it publishes from now on reach digests.',
          { ephemeral: true },
        );
      },
    },
    {
      name: 'remove',
      description: 'Remove a feed from a topic',
      access: 'moderator',
      options: [topicOption, urlOption],
      example: '/feed remove local-news https://example.org/rss',
      async run(context, args) {
        const topic = await changeableTopic(context, args.topic as string);
        const target = await feedOfTopic(context, topic, args.url as string);
        await context.services.feeds.detach(topic.id, target.id);
        await context.services.feeds.deleteOrphans();
        await audit(context, 'feed.remove', `${topic.slug}: ${target.url}`);
        return textReply(`Removed ${feedName(target)} from '${topic.slug}'. Stories already sent stay sent.`, {
          ephemeral: true,
        });
      },
    },
    {
      name: 'list',
      description: 'List the feeds of a topic, or of every topic here',
      access: 'moderator',
      options: [{ ...topicOption, required: false, description: 'Topic name (all topics here when left out)' }],
      example: '/feed list local-news',
      async run(context, args) {
        const { topics, feeds } = context.services;
        const chosen = args.topic
          ? [await requireVisibleTopic(context, args.topic as string)]
          : await topics.listVisible(context.chat.communityId);
        const timezone = await chatTimezone(context);
        const lines: string[] = [];
        for (const topic of chosen) {
          const list = await feeds.listForTopic(topic.id);
          const owner = topic.communityId ? '' : ' (global)';
          lines.push(
            `${topic.slug}${owner}: ${list.length === 0 ? 'no feeds yet' : `${list.length} feed${list.length === 1 ? '' : 's'}`}`,
            ...list.map((item) => `  • ${feedName(item)} — ${feedStatus(item, timezone)}`),
          );
        }
        if (lines.length === 0)
          return textReply('No topics here yet. Create one with /topic create.', { ephemeral: true });
        return textReply(capLines(lines).join('\n'), { title: 'Feeds', ephemeral: true });
      },
    },
    {
      name: 'health',
      description: 'Failing and disabled feeds, with the reason and next retry',
      access: 'moderator',
      options: [],
      example: '/feed health',
      async run(context) {
        const timezone = await chatTimezone(context);
        const seen = new Set<number>();
        const lines: string[] = [];
        let total = 0;
        for (const topic of await managedTopics(context)) {
          for (const item of await context.services.feeds.listForTopic(topic.id)) {
            if (seen.has(item.id)) continue;
            seen.add(item.id);
            total++;
            if (item.enabled && item.consecutiveFailures === 0) continue;
            lines.push(`• ${feedName(item)} (${topic.slug}) — ${feedStatus(item, timezone)}`);
          }
        }
        if (total === 0)
          return textReply('No feeds here yet. Add one with /feed add <topic> <url>.', { ephemeral: true });
        if (lines.length === 0) return textReply(`All ${total} feeds are healthy.`, { ephemeral: true });
        const footer = '\nA disabled feed comes back when a moderator adds it again with /feed add.';
        return textReply(capLines(lines).join('\n') + footer, {
          title: `${lines.length} of ${total} feeds need attention`,
          ephemeral: true,
        });
      },
    },
  ],
});
