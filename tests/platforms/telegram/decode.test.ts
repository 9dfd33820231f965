import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { defineCommand, defineCommandGroup } from '../../../src/core/command.js';
import { textReply } from '../../../src/core/reply.js';
import { splitChannelTarget } from '../../../src/platforms/telegram/channel-target.js';
import { parseTelegramChatId, telegramChatId } from '../../../src/platforms/telegram/chat-id.js';
import { telegramCommandMenus } from '../../../src/platforms/telegram/command-menus.js';
import { decodeCallbackQuery, decodeCommandMessage } from '../../../src/platforms/telegram/decode.js';
import { classifyTelegramError } from '../../../src/platforms/telegram/errors.js';

const message = (overrides: Record<string, unknown> = {}) => ({
  message_id: 1,
  date: 0,
  chat: { id: -1001234567890, type: 'supergroup', title: 'Readers' },
  from: { id: 42, first_name: 'Alice' },
  text: '/latest world',
  ...overrides,
});

describe('decoding Telegram updates', () => {
  it('reads a group command, dropping the @botname', () => {
    const decoded = decodeCommandMessage(message({ text: '/latest@Newsbrief_Bot world 3' }), 'newsbrief_bot');
    expect(decoded?.line).toBe('/latest world 3');
    expect(decoded?.chat).toEqual({
      id: 'telegram:-1001234567890',
      platform: 'telegram',
      kind: 'group',
      communityId: 'telegram:-1001234567890',
      title: 'Readers',
    });
    expect(decoded?.sender.id).toBe(42);
  });

  it("ignores another bot's command and ordinary text", () => {
    expect(decodeCommandMessage(message({ text: '/latest@other_bot' }), 'newsbrief_bot')).toBeNull();
    expect(decodeCommandMessage(message({ text: 'hello' }), 'newsbrief_bot')).toBeNull();
  });

  it('makes a forum topic a chat of its own inside its group', () => {
    const decoded = decodeCommandMessage(message({ message_thread_id: 77, is_topic_message: true }), 'newsbrief_bot');
    expect(decoded?.chat).toMatchObject({
      id: 'telegram:-1001234567890:77',
      kind: 'thread',
      communityId: 'telegram:-1001234567890',
    });
    // A reply thread in an ordinary group is not a topic.
    expect(decodeCommandMessage(message({ message_thread_id: 5 }), 'newsbrief_bot')?.chat.id).toBe(
      'telegram:-1001234567890',
    );
  });

  it('treats a private chat as the person’s own, with no community', () => {
    const decoded = decodeCommandMessage(
      message({ chat: { id: 42, type: 'private', first_name: 'Alice' } }),
      'newsbrief_bot',
    );
    expect(decoded?.chat).toEqual({
      id: 'telegram:42',
      platform: 'telegram',
      kind: 'private',
      communityId: null,
      title: 'Alice',
    });
  });

  it('survives malformed updates by ignoring them', () => {
    const broken: unknown[] = [
      null,
      'text',
      {},
      message({ chat: null }),
      message({ from: { id: 'x' } }),
      message({ chat: { id: 1, type: 'secret' } }),
      message({ text: 5 }),
      message({ chat: { id: -100, type: 'channel' } }),
    ];
    for (const update of broken) expect(decodeCommandMessage(update, 'newsbrief_bot')).toBeNull();
    expect(decodeCallbackQuery({ data: '/topics', from: { id: 1 } })).toBeNull();
    expect(decodeCallbackQuery({ data: 7, from: { id: 1 }, message: message() })).toBeNull();
  });

  it('reads a pressed button: its chat and who pressed it', () => {
    const decoded = decodeCallbackQuery({
      id: '9',
      data: '/subscribe world',
      from: { id: 43, first_name: 'Bob' },
      message: message(),
    });
    expect(decoded).toMatchObject({
      data: '/subscribe world',
      sender: { id: 43 },
      chat: { id: 'telegram:-1001234567890' },
    });
  });

  it('round-trips chat ids, topics included', () => {
    expect(parseTelegramChatId(telegramChatId(-100123, 7))).toEqual({ chatId: -100123, threadId: 7 });
    expect(parseTelegramChatId('telegram:42')).toEqual({ chatId: 42 });
    expect(parseTelegramChatId('discord:42')).toBeNull();
    expect(parseTelegramChatId('telegram:abc')).toBeNull();
  });

  it('finds a channel named right after the command in a private chat', () => {
    expect(splitChannelTarget('/subscribe @mychannel world daily 08:00')).toEqual({
      target: '@mychannel',
      line: '/subscribe world daily 08:00',
    });
    expect(splitChannelTarget('/subscriptions -1001234567890')).toEqual({
      target: '-1001234567890',
      line: '/subscriptions',
    });
    expect(splitChannelTarget('/subscribe world')).toBeNull();
    expect(splitChannelTarget('/latest 3')).toBeNull();
  });
});

describe('classifying Telegram errors', () => {
  const apiError = (error_code: number, description: string, parameters = {}) =>
    new GrammyError('call failed', { ok: false, error_code, description, parameters }, 'sendMessage', {});

  it('reads retry_after, migrate_to_chat_id, and the refusals that mean the chat is gone', () => {
    expect(classifyTelegramError(apiError(429, 'Too Many Requests: retry after 3', { retry_after: 3 }))).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 3000,
    });
    expect(
      classifyTelegramError(apiError(400, 'Bad Request: group chat was upgraded', { migrate_to_chat_id: -100999 })),
    ).toMatchObject({ kind: 'migrated', newChatId: 'telegram:-100999' });
    expect(classifyTelegramError(apiError(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({
      kind: 'permanent',
    });
    expect(classifyTelegramError(apiError(403, 'Forbidden: bot was kicked from the supergroup chat'))).toMatchObject({
      kind: 'permanent',
    });
    expect(classifyTelegramError(apiError(400, 'Bad Request: chat not found'))).toMatchObject({ kind: 'permanent' });
    expect(classifyTelegramError(apiError(400, 'Bad Request: message thread not found'))).toMatchObject({
      kind: 'permanent',
    });
  });

  it('fails only the message for a refusal of its content, and keeps it for anything else', () => {
    expect(classifyTelegramError(apiError(400, 'Bad Request: message is too long'))).toMatchObject({ kind: 'refused' });
    expect(
      classifyTelegramError(apiError(400, "Bad Request: can't parse entities: unexpected end tag at byte offset 3")),
    ).toMatchObject({ kind: 'refused' });
    expect(classifyTelegramError(apiError(401, 'Unauthorized'))).toMatchObject({ kind: 'transient' });
    expect(classifyTelegramError(apiError(502, 'Bad Gateway'))).toMatchObject({ kind: 'transient' });
    expect(classifyTelegramError(new HttpError('Network request failed', new Error('ECONNREFUSED')))).toMatchObject({
      kind: 'transient',
    });
    expect(classifyTelegramError(new Error('boom'))).toMatchObject({ kind: 'transient' });
  });
});

describe('Telegram command menus', () => {
  const run = () => textReply('ok');
  const registry = [
    defineCommand({
      name: 'latest',
      description: 'Latest stories',
      access: 'anyone',
      options: [],
      example: '/latest',
      run,
    }),
    defineCommand({
      name: 'subscribe',
      description: 'Subscribe this chat',
      access: 'chat-manager',
      options: [],
      example: '/subscribe',
      run,
    }),
    defineCommandGroup({
      name: 'feed',
      description: 'Manage feeds',
      subcommands: [
        { name: 'list', description: 'List feeds', access: 'anyone', options: [], example: '/feed list', run },
        { name: 'add', description: 'Add a feed', access: 'moderator', options: [], example: '/feed add', run },
      ],
    }),
    defineCommand({
      name: 'shutdown',
      description: 'Operator only',
      access: 'operator',
      options: [],
      example: '/shutdown',
      run,
    }),
  ];

  it('shows private chats, groups and group administrators the commands each may use', () => {
    const menus = Object.fromEntries(telegramCommandMenus(registry).map((menu) => [menu.scope.type, menu.commands]));
    expect(menus.all_private_chats).toEqual([
      { command: 'latest', description: 'Latest stories' },
      { command: 'subscribe', description: 'Subscribe this chat' },
      { command: 'feed', description: 'Manage feeds (list)' },
    ]);
    expect(menus.all_group_chats?.map((entry) => entry.command)).toEqual(['latest', 'feed']);
    expect(menus.all_chat_administrators).toContainEqual({ command: 'feed', description: 'Manage feeds (list, add)' });
    expect(menus.all_chat_administrators?.map((entry) => entry.command)).not.toContain('shutdown');
  });
});
