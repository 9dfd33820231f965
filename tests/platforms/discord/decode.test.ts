import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand, defineCommandGroup } from '../../../src/core/command.js';
import { UserError } from '../../../src/core/errors.js';
import { textReply } from '../../../src/core/reply.js';
import { applicationCommandsOf, definitionsHash } from '../../../src/platforms/discord/command-definitions.js';
import {
  actorOf,
  chatRefOf,
  invocationOf,
  PERMISSION,
  type InteractionInput,
} from '../../../src/platforms/discord/decode.js';

const run = () => textReply('ok');
const registry = [
  defineCommand({
    name: 'latest',
    description: 'Latest stories',
    access: 'anyone',
    options: [
      { name: 'topic', description: 'Topic', type: 'string', autocomplete: 'topic' },
      { name: 'count', description: 'How many', type: 'integer', min: 1, max: 10 },
    ],
    example: '/latest world 3',
    run,
  }),
  defineCommand({
    name: 'digest',
    description: 'Preview',
    access: 'anyone',
    options: [
      {
        name: 'when',
        description: 'When',
        type: 'string',
        choices: [{ name: 'Now', value: 'now' }],
        schema: z.string(),
      },
    ],
    example: '/digest now',
    run,
  }),
  defineCommandGroup({
    name: 'feed',
    description: 'Manage feeds',
    subcommands: [
      {
        name: 'add',
        description: 'Add a feed',
        access: 'moderator',
        options: [{ name: 'file', description: 'OPML', type: 'attachment', required: true }],
        example: '/feed add',
        run,
      },
      { name: 'remove', description: 'Remove a feed', access: 'moderator', options: [], example: '/feed remove', run },
    ],
  }),
];

const subscribeCommand = defineCommand({
  name: 'subscribe',
  description: 'Follow a topic',
  access: 'chat-manager',
  options: [{ name: 'topic', description: 'Topic', type: 'string', autocomplete: 'topic' }],
  example: '/subscribe world',
  run,
});

const input = (overrides: Partial<InteractionInput> = {}): InteractionInput => ({
  commandName: 'latest',
  options: [],
  guildId: '500',
  channelId: '600',
  channelType: 0,
  channelName: 'news',
  user: { id: '700', name: 'Alice' },
  permissions: 0n,
  roleIds: [],
  roleNames: [],
  ...overrides,
});

describe('decoding Discord interactions', () => {
  it('makes a server channel, a thread and a DM the right kinds of chat', () => {
    expect(chatRefOf(input())).toEqual({
      id: 'discord:600',
      platform: 'discord',
      kind: 'channel',
      communityId: 'discord:500',
      title: 'news',
    });
    expect(chatRefOf(input({ channelType: 11 })).kind).toBe('thread');
    expect(chatRefOf(input({ guildId: null, channelType: 1, channelName: null }))).toEqual({
      id: 'discord:600',
      platform: 'discord',
      kind: 'private',
      communityId: null,
    });
  });

  it('gives moderation to Manage Server or the configured role, chat management to Manage Channels', () => {
    const settings = { operatorIds: ['900'], moderatorRole: 'News Team' };
    expect(actorOf(input(), settings)).toMatchObject({
      id: 'discord:700',
      displayName: 'Alice',
      isModerator: false,
      canManageChat: false,
      isOperator: false,
    });
    expect(actorOf(input({ permissions: PERMISSION.manageGuild }), settings)).toMatchObject({
      isModerator: true,
      canManageChat: true,
    });
    expect(actorOf(input({ permissions: PERMISSION.manageChannels }), settings)).toMatchObject({
      isModerator: false,
      canManageChat: true,
    });
    expect(actorOf(input({ permissions: PERMISSION.administrator }), settings)).toMatchObject({ isModerator: true });
    expect(actorOf(input({ roleIds: ['42'], roleNames: ['news team'] }), settings)).toMatchObject({
      isModerator: true,
    });
    expect(actorOf(input({ roleIds: ['42'] }), { operatorIds: [], moderatorRole: '42' })).toMatchObject({
      isModerator: true,
    });
    expect(actorOf(input({ user: { id: '900', name: 'Op' } }), settings).isOperator).toBe(true);
    // In a DM the person manages their own subscriptions and moderates nothing.
    expect(actorOf(input({ guildId: null, permissions: null }), settings)).toMatchObject({
      isModerator: false,
      canManageChat: true,
    });
  });

  it('reads options, subcommands and attachments into an invocation', () => {
    const latest = invocationOf(
      input({
        options: [
          { name: 'topic', type: 3, value: 'world' },
          { name: 'count', type: 4, value: 3 },
        ],
      }),
      registry,
    );
    expect(latest).toEqual({ command: 'latest', args: { topic: 'world', count: 3 } });
    const add = invocationOf(
      input({
        commandName: 'feed',
        options: [
          {
            name: 'add',
            type: 1,
            options: [
              {
                name: 'file',
                type: 11,
                value: '1',
                attachment: { name: 'feeds.opml', url: 'https://cdn.example/feeds.opml' },
              },
            ],
          },
        ],
      }),
      registry,
    );
    expect(add).toEqual({
      command: 'feed',
      subcommand: 'add',
      args: { file: { name: 'feeds.opml', url: 'https://cdn.example/feeds.opml' } },
    });
  });

  it('manages a channel named by the channel option, with the rights held there', () => {
    const named = input({
      commandName: 'subscribe',
      options: [
        { name: 'topic', type: 3, value: 'world' },
        { name: 'channel', type: 7, value: '601' },
      ],
      target: { id: '601', type: 15, name: 'digests', permissions: PERMISSION.manageChannels },
    });
    expect(chatRefOf(named)).toEqual({
      id: 'discord:601',
      platform: 'discord',
      kind: 'channel',
      communityId: 'discord:500',
      title: 'digests',
    });
    expect(actorOf(named, { operatorIds: [] }).canManageChat).toBe(true);
    expect(
      actorOf(
        { ...named, target: { ...named.target!, permissions: 0n }, permissions: PERMISSION.manageChannels },
        { operatorIds: [] },
      ).canManageChat,
    ).toBe(false);
    expect(invocationOf(named, [subscribeCommand])).toEqual({ command: 'subscribe', args: { topic: 'world' } });
  });

  it('answers malformed input with a user error, not a crash', () => {
    expect(() => invocationOf(input({ commandName: 'feed', options: [] }), registry)).toThrow(UserError);
    expect(() => chatRefOf(input({ channelId: null }))).toThrow(UserError);
    expect(invocationOf(input({ commandName: 'nope' }), registry)).toEqual({ command: 'nope', args: {} });
    expect(
      invocationOf(input({ options: [{ name: 'count', type: 4, value: null }, null as never] }), registry),
    ).toEqual({ command: 'latest', args: {} });
  });
});

describe('Discord command definitions', () => {
  const definitions = applicationCommandsOf(registry);

  it('carries choices, bounds and topic autocomplete, and works in DMs', () => {
    expect(definitions[0]).toEqual({
      name: 'latest',
      description: 'Latest stories',
      type: 1,
      options: [
        { type: 3, name: 'topic', description: 'Topic', required: false, autocomplete: true },
        { type: 4, name: 'count', description: 'How many', required: false, min_value: 1, max_value: 10 },
      ],
      default_member_permissions: null,
      contexts: [0, 1],
      integration_types: [0],
    });
    expect(definitions[1]!.options[0]).toMatchObject({ choices: [{ name: 'Now', value: 'now' }] });
  });

  it('makes a group’s commands subcommands and hides moderator commands from members', () => {
    expect(definitions[2]).toMatchObject({
      name: 'feed',
      default_member_permissions: '32',
      contexts: [0],
      options: [
        { type: 1, name: 'add', options: [{ type: 11, name: 'file', required: true }] },
        { type: 1, name: 'remove', options: [] },
      ],
    });
  });

  it('lets commands that manage a chat name another channel, thread or forum', () => {
    const [definition] = applicationCommandsOf([subscribeCommand]);
    expect(definition!.options.at(-1)).toEqual({
      type: 7,
      name: 'channel',
      description: 'Another channel, thread or forum of this server (default: this one)',
      required: false,
      channel_types: [0, 5, 10, 11, 12, 15],
    });
    expect(definitions[0]!.options.map((option) => option.name)).not.toContain('channel');
  });

  it('fingerprints the definitions so start-up can tell when they changed', () => {
    expect(definitionsHash(definitions)).toBe(definitionsHash(applicationCommandsOf(registry)));
    expect(definitionsHash(definitions)).not.toBe(definitionsHash(applicationCommandsOf(registry.slice(1))));
  });
});
