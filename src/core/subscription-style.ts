import { isAllowed } from './access.js';
import type { Args, CommandContext, CommandOption } from './command.js';
import type { SubscriptionStyle } from './domain.js';
import { UserError } from './errors.js';
import { MAX_QUOTES, parseRole, type StyleChanges } from './style-words.js';

/**
 * The look-and-delivery settings as /subscribe and /settings take them: named slash options on
 * Discord (a choice, a number, switches, a role picker), words on a typed line. Both end up as
 * StyleChanges, checked here once.
 */

export const STYLE_OPTIONS: readonly CommandOption[] = [
  {
    name: 'format',
    description: 'full (headline, quotes, outlets) or compact (headlines and links)',
    type: 'string',
    choices: [
      { name: 'full', value: 'full' },
      { name: 'compact', value: 'compact' },
    ],
    slashOnly: true,
  },
  {
    name: 'quotes',
    description: `Key quotes per story, 0 to ${MAX_QUOTES}`,
    type: 'integer',
    min: 0,
    max: MAX_QUOTES,
    slashOnly: true,
  },
  { name: 'previews', description: 'Link previews (Telegram)', type: 'boolean', slashOnly: true },
  { name: 'silent', description: 'Deliver without a notification sound', type: 'boolean', slashOnly: true },
  { name: 'images', description: 'Lead images of the stories', type: 'boolean', slashOnly: true },
  {
    name: 'mention',
    description: 'A role each digest pings (moderators; Discord only)',
    type: 'role',
    slashOnly: true,
  },
];

/** The settings given as named options (Discord), over those given as words. */
export function styleChangesOf(args: Args, fromWords: StyleChanges = {}): StyleChanges {
  const changes: StyleChanges = { ...fromWords };
  if (args.format === 'full' || args.format === 'compact') changes.format = args.format;
  if (typeof args.quotes === 'number') changes.quotes = args.quotes;
  if (typeof args.previews === 'boolean') changes.previews = args.previews;
  if (typeof args.silent === 'boolean') changes.silent = args.silent;
  if (typeof args.images === 'boolean') changes.images = args.images;
  if (typeof args.mention === 'string') changes.mentionRoleId = args.mention;
  return changes;
}

/**
 * The style once `changes` apply to `current`. A role to mention exists on Discord only, in a
 * server, and only a moderator may attach one: a ping reaches everyone holding the role.
 */
export function applyStyle(
  context: CommandContext,
  current: SubscriptionStyle,
  changes: StyleChanges,
): SubscriptionStyle {
  const wanted = changes.mentionRoleId;
  if (wanted === undefined) return { ...current, ...changes };
  if (context.chat.platform !== 'discord') {
    throw new UserError('mention is Discord-only: it pings a Discord role, and Telegram has none to ping.');
  }
  const roleId = wanted === null ? null : parseRole(wanted);
  if (roleId !== current.mentionRoleId) {
    if (roleId !== null && context.chat.communityId === null) {
      throw new UserError('mention needs a server channel: a direct message has no roles.');
    }
    if (!isAllowed('moderator', context.actor)) {
      throw new UserError('Only moderators of this community can attach a role to mention.');
    }
  }
  return { ...current, ...changes, mentionRoleId: roleId };
}
