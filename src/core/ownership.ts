import type { CommandContext } from './command.js';
import type { Topic } from './domain.js';
import { AccessDeniedError } from './errors.js';

/**
 * Global topics belong to the operator; a community topic to that community's moderators.
 * Throws (changing nothing) when the caller may not change `topic`.
 */
export function assertCanChangeTopic(context: CommandContext, topic: Topic): void {
  // A personal topic is one followed feed: /subscribe and /unsubscribe are its whole life.
  if (topic.ownerChatId !== null) {
    throw new AccessDeniedError(
      `'${topic.slug}' is one of your own feeds: /unsubscribe ${topic.slug} stops it, /subscribe <address> follows another.`,
    );
  }
  if (context.actor.isOperator) return;
  if (topic.communityId === null) {
    throw new AccessDeniedError(`'${topic.slug}' is a global topic: only the bot's operator can change it.`);
  }
  if (topic.communityId !== context.chat.communityId || !context.actor.isModerator) {
    throw new AccessDeniedError(`Only moderators of the community that owns '${topic.slug}' can change it.`);
  }
}

/** Records a configuration change: who, what, when, where. */
export function audit(context: CommandContext, action: string, detail: string): Promise<void> {
  return context.services.audit.record({
    actorId: context.actor.id,
    communityId: context.chat.communityId,
    chatId: context.chat.id,
    action,
    detail,
  });
}
