import type { Access } from './command.js';
import type { Actor } from './domain.js';

/** Whether the actor may run a command that needs `access`; operators may run everything. */
export function isAllowed(access: Access, actor: Actor): boolean {
  if (actor.isOperator) return true;
  switch (access) {
    case 'anyone':
      return true;
    case 'chat-manager':
      return actor.canManageChat || actor.isModerator;
    case 'moderator':
      return actor.isModerator;
    case 'operator':
      return false;
  }
}

export function refusalReason(access: Access): string {
  switch (access) {
    case 'chat-manager':
      return 'Only people who manage this chat (or moderators) can change its subscriptions.';
    case 'moderator':
      return 'Only moderators of this community can do that.';
    case 'operator':
      return "Only the bot's operator can do that.";
    case 'anyone':
      return '';
  }
}
