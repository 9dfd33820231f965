import type { FakeChannel, FakeGuild } from './fake-discord.js';

/** What a test says about an interaction; the fake fills in the rest of Discord's payload. */
export interface InteractionSpec {
  kind?: 'command' | 'autocomplete' | 'button';
  /** Slash command name (command, autocomplete). */
  name?: string;
  /** Raw API options, e.g. [{ name: 'topic', type: 3, value: 'world' }]. */
  options?: unknown[];
  /** Button custom_id. */
  customId?: string;
  /** Resolved objects for channel/user/attachment options, as Discord sends them. */
  resolved?: Record<string, unknown>;
  /** The guild; omit (or null) for a DM. */
  guildId?: string | null;
  channelId: string;
  user: { id: string; username: string; global_name?: string | null };
  /** The member's permissions in the channel; default View Channel + Send Messages + Use Application Commands. */
  permissions?: bigint;
  roles?: string[];
}

export const DISCORD_PERMISSIONS = {
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  useApplicationCommands: 1n << 31n,
  manageChannels: 1n << 4n,
  manageGuild: 1n << 5n,
} as const;

const MEMBER =
  DISCORD_PERMISSIONS.viewChannel | DISCORD_PERMISSIONS.sendMessages | DISCORD_PERMISSIONS.useApplicationCommands;
const TYPES = { command: 2, button: 3, autocomplete: 4 } as const;

/**
 * A full INTERACTION_CREATE payload. discord.js needs `entitlements`,
 * `authorizing_integration_owners`, `channel` and `member.user` (or `user` in a DM), or it throws.
 */
export function interactionPayload(
  spec: InteractionSpec,
  context: {
    id: string;
    token: string;
    applicationId: string;
    channel?: FakeChannel;
    guild?: FakeGuild;
    snowflake: () => string;
  },
): Record<string, unknown> {
  const kind = spec.kind ?? 'command';
  const user = { discriminator: '0', avatar: null, global_name: null, ...spec.user };
  const guildId = spec.guildId ?? null;
  const channel = guildId
    ? {
        id: spec.channelId,
        type: context.channel?.type ?? 0,
        name: context.channel?.name ?? 'general',
        guild_id: guildId,
        ...(context.channel?.parent_id ? { parent_id: context.channel.parent_id } : {}),
      }
    : { id: spec.channelId, type: 1, recipients: [user] };
  const data =
    kind === 'button'
      ? { custom_id: spec.customId ?? '', component_type: 2 }
      : {
          id: context.snowflake(),
          name: spec.name ?? '',
          type: 1,
          options: spec.options ?? [],
          ...(spec.resolved ? { resolved: spec.resolved } : {}),
        };
  const member = {
    user,
    roles: spec.roles ?? [],
    permissions: String(spec.permissions ?? MEMBER),
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
    premium_since: null,
    communication_disabled_until: null,
  };
  return {
    id: context.id,
    application_id: context.applicationId,
    type: TYPES[kind],
    data,
    ...(guildId ? { guild_id: guildId, member } : { user }),
    channel,
    channel_id: spec.channelId,
    token: context.token,
    version: 1,
    app_permissions: '2248473465835073',
    locale: 'en-GB',
    ...(guildId ? { guild_locale: 'en-US' } : {}),
    entitlements: [],
    authorizing_integration_owners: guildId ? { '0': guildId } : { '1': user.id },
    context: guildId ? 0 : 1,
    ...(kind === 'button'
      ? {
          message: messagePayload(context.snowflake(), spec.channelId, {
            id: context.applicationId,
            username: 'newsbrief',
            discriminator: '0',
            bot: true,
            avatar: null,
          }),
        }
      : {}),
  };
}

/** A message object as Discord returns it: `body` gives content, embeds, components and flags. */
export function messagePayload(
  id: string,
  channelId: string,
  author: unknown,
  body: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    type: 0,
    channel_id: channelId,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: [],
    author,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    flags: body.flags ?? 0,
    ...extra,
  };
}

/** GUILD_CREATE for a guild: what discord.js caches (channels, threads, roles, the system channel). */
export function guildPayload(guild: FakeGuild): Record<string, unknown> {
  // What @everyone may do on a typical server: see, talk, embed links, use commands.
  const everyone = {
    id: guild.id,
    name: '@everyone',
    permissions: String(MEMBER | (1n << 14n)),
    position: 0,
    color: 0,
    hoist: false,
    managed: false,
    mentionable: false,
    flags: 0,
  };
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: '1',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      everyone,
      ...(guild.roles ?? []).map((role, index) => ({ ...everyone, permissions: '0', ...role, position: index + 1 })),
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: guild.system_channel_id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: guild.channels
      .filter((channel) => channel.type !== 11)
      .map((channel, position) => ({ permission_overwrites: [], position, parent_id: null, ...channel })),
    threads: guild.channels
      .filter((channel) => channel.type === 11)
      .map((channel) => ({
        guild_id: guild.id,
        thread_metadata: {
          archived: false,
          auto_archive_duration: 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
        ...channel,
      })),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    preferred_locale: 'en-US',
    premium_tier: 0,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
  };
}
