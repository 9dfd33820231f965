import * as z from 'zod';
import { defineCommandGroup, type CommandContext } from '../src/core/command.js';
import { AccessDeniedError, UserError } from '../src/core/errors.js';
import { assertCanChangeTopic, audit } from '../src/core/ownership.js';
import { textReply } from '../src/core/reply.js';
import { requireVisibleTopic, topicSlugOption } from '../src/core/topics.js';

const slugOption = topicSlugOption('slug');

/** Where a new topic belongs: the caller's community, or global when the operator creates it outside one. */
function ownerForNewTopic(context: CommandContext): string | null {
  if (context.chat.communityId) return context.chat.communityId;
  if (context.actor.isOperator) return null;
  throw new AccessDeniedError(
    'Topics are created inside a server or group; only the operator can create global topics.',
  );
}

function parseKeywords(words: string): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const word of words
    .split(/[\s,]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean)) {
    if (word.startsWith('-')) {
      if (word.length > 1) exclude.push(word.slice(1));
    } else if (word !== 'none') {
      include.push(word);
    }
  }
  return { include: [...new Set(include)], exclude: [...new Set(exclude)] };
}

export const topic = defineCommandGroup({
  name: 'topic',
  description: 'Manage community topics',
  subcommands: [
    {
      name: 'create',
      description: 'Create a topic for this community',
      access: 'moderator',
      options: [slugOption, { name: 'name', description: 'Display name (defaults to the slug)', type: 'string' }],
      example: '/topic create local-news Local news',
      async run(context, args) {
        const slug = args.slug as string;
        const communityId = ownerForNewTopic(context);
        const { topics } = context.services;
        const existing = await topics.findVisible(slug, communityId);
        if (existing && existing.communityId === communityId)
          throw new UserError(`A topic '${slug}' already exists here.`);
        const created = await topics.create({ slug, name: (args.name as string | undefined) ?? slug, communityId });
        await audit(context, 'topic.create', slug);
        const owner = communityId ? 'this community' : 'everyone (global)';
        return textReply(
          `Created topic '${created.slug}' for ${owner}. Add feeds with /feed add ${created.slug} <url>.`,
          { ephemeral: true },
        );
      },
    },
    {
      name: 'delete',
      description: 'Delete a topic and its subscriptions',
      access: 'moderator',
      options: [slugOption],
      example: '/topic delete local-news',
      async run(context, args) {
        const target = await requireVisibleTopic(context, args.slug as string);
        assertCanChangeTopic(context, target);
        await context.services.topics.delete(target.id);
        await context.services.feeds.deleteOrphans();
        await audit(context, 'topic.delete', target.slug);
        return textReply(`Deleted topic '${target.slug}' and its subscriptions.`, { ephemeral: true });
      },
    },
    {
      name: 'describe',
      description: "Set a topic's one-line description",
      access: 'moderator',
      options: [
        slugOption,
        {
          name: 'text',
          description: 'The description',
          type: 'string',
          required: true,
          schema: z.string().max(200, 'a description has 200 characters at most'),
        },
      ],
      example: '/topic describe local-news News from our town and county',
      async run(context, args) {
        const target = await requireVisibleTopic(context, args.slug as string);
        assertCanChangeTopic(context, target);
        await context.services.topics.update(target.id, { description: args.text as string });
        await audit(context, 'topic.describe', `${target.slug}: ${String(args.text)}`);
        return textReply(`'${target.slug}' is now described as: ${String(args.text)}`, { ephemeral: true });
      },
    },
    {
      name: 'keywords',
      description: 'Narrow a topic: stories must mention a word; -word excludes; none clears',
      access: 'moderator',
      options: [
        slugOption,
        { name: 'words', description: 'Words; a leading - excludes; "none" clears', type: 'string', required: true },
      ],
      example: '/topic keywords local-news council school -football',
      async run(context, args) {
        const target = await requireVisibleTopic(context, args.slug as string);
        assertCanChangeTopic(context, target);
        const { include, exclude } = parseKeywords(args.words as string);
        await context.services.topics.update(target.id, { includeKeywords: include, excludeKeywords: exclude });
        await audit(context, 'topic.keywords', `${target.slug}: +${include.join(',')} -${exclude.join(',')}`);
        const parts = [
          include.length ? `must mention one of: ${include.join(', ')}` : 'no required words',
          exclude.length ? `never: ${exclude.join(', ')}` : 'nothing excluded',
        ];
        return textReply(`'${target.slug}' now has ${parts.join('; ')}.`, { ephemeral: true });
      },
    },
  ],
});
