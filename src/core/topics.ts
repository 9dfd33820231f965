import type { CommandContext } from './command.js';
import type { Topic } from './domain.js';
import { UserError } from './errors.js';
import { closestMatch, slugSchema } from './slug.js';

/**
 * The topic this chat can see under `slug` — in a private chat also the person's own feeds (their
 * slugs never shadow a shared topic) — or a UserError with a "did you mean".
 */
export async function requireVisibleTopic(context: CommandContext, slug: string): Promise<Topic> {
  const { topics } = context.services;
  const topic = await topics.findVisible(slug, context.chat.communityId);
  if (topic) return topic;
  const personal = context.chat.kind === 'private' ? await topics.listPersonal(context.chat.id) : [];
  const own = personal.find((candidate) => candidate.slug === slug);
  if (own) return own;
  const visible = [...(await topics.listVisible(context.chat.communityId)), ...personal].map(
    (candidate) => candidate.slug,
  );
  const suggestion = closestMatch(slug, visible);
  throw new UserError(
    suggestion
      ? `unknown topic '${slug}' — did you mean '${suggestion}'?`
      : `unknown topic '${slug}' — /topics lists the topics you can use here`,
  );
}

/** A required topic-slug option, normalised, with topic completion on Discord. */
export const topicSlugOption = <Name extends string>(name: Name) =>
  ({
    name,
    description: 'Topic name, e.g. local-news',
    type: 'string',
    required: true,
    autocomplete: 'topic',
    schema: slugSchema,
  }) as const;

/** Topics a community (or the operator, for global topics) may own: an OPML import never makes more. */
export const MAX_OWN_TOPICS = 50;
