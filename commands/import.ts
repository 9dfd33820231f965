import { defineCommand, type AttachmentArg, type CommandContext } from '../src/core/command.js';
import type { Topic } from '../src/core/domain.js';
import { AccessDeniedError, UserError } from '../src/core/errors.js';
import { normaliseHttpUrl } from '../src/core/feed-admin.js';
import type { OpmlFeed } from '../src/core/ingest-port.js';
import { assertCanChangeTopic, audit } from '../src/core/ownership.js';
import { importPersonalFeeds } from '../src/core/personal-import.js';
import { textReply } from '../src/core/reply.js';
import { normaliseSlug } from '../src/core/slug.js';
import { MAX_OWN_TOPICS } from '../src/core/topics.js';

/** Topic for feeds the OPML file puts in no category. */
const UNCATEGORISED = 'imported';

/** Whose topics an import fills: the caller's community, or global ones for the operator outside any. */
function importOwner(context: CommandContext): string | null {
  const { chat, actor } = context;
  if (chat.communityId) {
    if (actor.isModerator || actor.isOperator) return chat.communityId;
    throw new AccessDeniedError('Only moderators of this community can do that.');
  }
  if (actor.isOperator) return null;
  throw new AccessDeniedError(
    'Import feeds inside a server or group; only the operator can import into global topics.',
  );
}

/** In a person's private chat (not the operator's console), an import brings back their own feeds. */
const isPersonalImport = (context: CommandContext): boolean =>
  context.chat.kind === 'private' && !context.actor.isOperator;

interface Plan {
  slug: string;
  name: string;
  /** The existing topic, or null when the import creates it. */
  topic: Topic | null;
  entries: OpmlFeed[];
}

/** Groups the OPML's feeds by topic and decides, before changing anything, which topics may be used. */
async function planImport(context: CommandContext, owner: string | null, entries: readonly OpmlFeed[]) {
  const plans = new Map<string, Plan>();
  const skipped: string[] = [];
  for (const entry of entries) {
    const slug = normaliseSlug(entry.category ?? '').slice(0, 40) || UNCATEGORISED;
    let plan = plans.get(slug);
    if (!plan) {
      const existing = await context.services.topics.findVisible(slug, owner);
      plan = { slug, name: entry.folder ?? entry.category ?? slug, topic: existing, entries: [] };
      plans.set(slug, plan);
    }
    plan.entries.push(entry);
  }
  const usable: Plan[] = [];
  for (const plan of plans.values()) {
    if (plan.topic && plan.topic.communityId !== owner) {
      skipped.push(
        `${plan.entries.length} feed(s) of '${plan.slug}': that is a global topic, which only the operator changes — rename the category`,
      );
      continue;
    }
    if (plan.topic) assertCanChangeTopic(context, plan.topic);
    usable.push(plan);
  }
  return { plans: usable, skipped };
}

/** Refuses, before anything changes, an import that would take the owner past MAX_OWN_TOPICS. */
async function assertTopicRoom(context: CommandContext, owner: string | null, newTopics: number): Promise<void> {
  if (newTopics === 0) return;
  const own = (await context.services.topics.listVisible(owner)).filter((topic) => topic.communityId === owner).length;
  if (own + newTopics <= MAX_OWN_TOPICS) return;
  const whose = owner ? 'A community keeps' : 'The global catalogue keeps';
  throw new UserError(
    `That file would create ${newTopics} new topics from its categories. ${whose} at most ${MAX_OWN_TOPICS} topics ` +
      `of its own, and has ${own}. Nothing was imported: merge its categories into fewer folders, or remove them ` +
      `(feeds without a category go to '${UNCATEGORISED}').`,
  );
}

export const importCommand = defineCommand({
  name: 'import',
  description: 'Add the feeds of an OPML file; its categories become topics',
  // Moderators in a community (checked in importOwner); a person in a private chat, for their own feeds.
  access: 'chat-manager',
  options: [
    { name: 'url', description: 'Address of an OPML file (or attach the file instead)', type: 'string' },
    { name: 'file', description: 'An OPML file exported from a feed reader', type: 'attachment' },
  ],
  example: '/import https://example.org/subscriptions.opml',
  async run(context, args) {
    const file = args.file as AttachmentArg | undefined;
    const source = file?.url ?? (args.url as string | undefined);
    if (!source)
      throw new UserError('Attach an OPML file, or give its address: /import https://example.org/feeds.opml');
    const personal = isPersonalImport(context);
    const owner = personal ? null : importOwner(context);
    const entries = await context.services.feedTools.readOpml(source);
    if (entries.length === 0) throw new UserError('That OPML file lists no feeds (no <outline xmlUrl="…">).');
    if (personal) return importPersonalFeeds(context, entries);
    const { plans, skipped } = await planImport(context, owner, entries);
    const { topics, feeds } = context.services;
    await assertTopicRoom(context, owner, plans.filter((plan) => !plan.topic).length);
    const created: string[] = [];
    let added = 0;
    let already = 0;
    // One transaction: an import that fails half-way leaves the community's topics as they were.
    await context.services.transaction(async () => {
      for (const plan of plans) {
        let topic = plan.topic;
        if (!topic) {
          topic = await topics.create({ slug: plan.slug, name: plan.name.slice(0, 80), communityId: owner });
          await audit(context, 'topic.create', `${plan.slug} (import)`);
          created.push(plan.slug);
        }
        const present = new Set((await feeds.listForTopic(topic.id)).map((feed) => feed.url));
        for (const entry of plan.entries) {
          const url = normaliseHttpUrl(entry.url);
          if (!url) {
            skipped.push(`${entry.url}: not an http(s) address`);
            continue;
          }
          if (present.has(url)) {
            already++;
            continue;
          }
          const stored = await feeds.ensure(url, { title: entry.title });
          await feeds.attach(topic.id, stored.id, context.actor.id);
          present.add(url);
          await audit(context, 'feed.add', `${topic.slug}: ${url} (import)`);
          added++;
        }
      }
    });
    const lines = [
      `Added ${added} feed${added === 1 ? '' : 's'} to ${plans.length} topic${plans.length === 1 ? '' : 's'}` +
        (created.length ? ` (new: ${created.join(', ')})` : '') +
        (already ? `; ${already} were already there` : '') +
        '.',
      ...(skipped.length
        ? [`Skipped ${skipped.length}:`, ...skipped.slice(0, 20).map((reason) => `  • ${reason}`)]
        : []),
      'Each feed is checked by its first poll; /feed health lists any that fail.',
    ];
    return textReply(lines.join('\n'), { title: 'OPML import', ephemeral: true });
  },
});
