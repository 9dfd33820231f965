import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { telegramError, type TelegramFailure } from './fake-telegram-failures.js';
import { readParams } from './http-body.js';
import { createTelegramLimiter, type TelegramLimits } from './fake-telegram-limits.js';
import { callbackUpdate, messageUpdate } from './fake-telegram-updates.js';
import { createWaiters } from './fake-waiters.js';
import { parseTelegramHtml } from './telegram-html.js';

export { TELEGRAM_LIMITS, type TelegramLimits } from './fake-telegram-limits.js';
export { telegramFailures, type TelegramFailure } from './fake-telegram-failures.js';

/**
 * A small Bot API server on 127.0.0.1 for the real grammY Bot to talk to. It answers the
 * methods newsbrief uses, long-polls getUpdates for real (offset and timeout), records every
 * call, and lets a test play users (inject updates) and make the next call of a method fail.
 * Like Telegram, it answers `{ ok: false, error_code, description, parameters }`: grammY reads
 * that body, not the HTTP status.
 */

export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
  is_bot?: boolean;
}

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  is_forum?: boolean;
}

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** What the fake answered. */
  ok: boolean;
}

export interface SentMessage {
  message_id: number;
  chat: FakeChat;
  message_thread_id?: number;
  /** The HTML (or plain text) the bot sent. */
  html: string;
  /** What a person sees once the HTML is parsed. */
  text: string;
  links: string[];
  params: Record<string, unknown>;
  /** When the fake accepted it (its own clock, Date.now()): rates are measured here, server side. */
  at: number;
}

export interface FakeTelegramOptions {
  token?: string;
  /** Enforce sending limits with 429 + retry_after (true: Telegram's own numbers). */
  limits?: boolean | Partial<TelegramLimits>;
}

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;

export async function startFakeTelegram(options: FakeTelegramOptions = {}) {
  const token = options.token ?? '123456:TEST-token-for-the-fake-telegram-api';
  const bot: FakeUser = { id: 123456, is_bot: true, first_name: 'Newsbrief', username: 'newsbrief_test_bot' };
  const limiter = options.limits ? createTelegramLimiter(options.limits === true ? {} : options.limits) : null;
  const calls: ApiCall[] = [];
  const sent: SentMessage[] = [];
  const updates: Record<string, unknown>[] = [];
  const failures = new Map<string, TelegramFailure[]>();
  const members = new Map<string, Record<string, unknown>>();
  const chats = new Map<number, FakeChat>();
  const pollers = new Set<() => void>();
  let nextUpdateId = 1;
  let nextMessageId = 1;
  let webhook = '';

  const { notify, waitUntil } = createWaiters('Telegram');

  const chatOf = (id: number): FakeChat =>
    chats.get(id) ?? { id, type: id > 0 ? 'private' : id < -1_000_000_000_000 ? 'supergroup' : 'group' };

  function sendMessage(params: Record<string, unknown>): unknown {
    const chatId = Number(params.chat_id);
    const raw = String(params.text ?? '');
    if (!raw.trim()) throw telegramError(400, 'Bad Request: message text is empty');
    let parsed = { text: raw, links: [] as string[] };
    if (params.parse_mode === 'HTML') {
      try {
        parsed = parseTelegramHtml(raw);
      } catch (error) {
        throw telegramError(400, `Bad Request: ${(error as Error).message}`);
      }
    }
    if (parsed.text.length > 4096) throw telegramError(400, 'Bad Request: message is too long');
    const now = Date.now();
    const wait = limiter?.take(chatId, now) ?? 0;
    if (wait > 0) throw telegramError(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
    const chat = chatOf(chatId);
    const thread = typeof params.message_thread_id === 'number' ? params.message_thread_id : undefined;
    const message: SentMessage = {
      message_id: nextMessageId++,
      chat,
      ...(thread !== undefined ? { message_thread_id: thread } : {}),
      html: raw,
      text: parsed.text,
      links: parsed.links,
      params,
      at: now,
    };
    sent.push(message);
    return {
      message_id: message.message_id,
      date: Math.floor(now / 1000),
      chat,
      from: bot,
      text: parsed.text,
      ...(thread ? { message_thread_id: thread } : {}),
    };
  }

  /** Replaces a sent message's text and keyboard, as a panel redraw does; the message keeps its place. */
  function editMessageText(params: Record<string, unknown>): unknown {
    const chatId = Number(params.chat_id);
    const message = sent.find(
      (candidate) => candidate.chat.id === chatId && candidate.message_id === params.message_id,
    );
    if (!message) throw telegramError(400, 'Bad Request: message to edit not found');
    const raw = String(params.text ?? '');
    const parsed = params.parse_mode === 'HTML' ? parseTelegramHtml(raw) : { text: raw, links: [] as string[] };
    if (
      parsed.text === message.text &&
      JSON.stringify(params.reply_markup) === JSON.stringify(message.params.reply_markup)
    )
      throw telegramError(400, 'Bad Request: message is not modified');
    Object.assign(message, {
      html: raw,
      text: parsed.text,
      links: parsed.links,
      params: { ...message.params, ...params },
    });
    return {
      message_id: message.message_id,
      date: Math.floor(Date.now() / 1000),
      chat: message.chat,
      text: parsed.text,
    };
  }

  function getUpdates(params: Record<string, unknown>, response: ServerResponse): Promise<unknown> {
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(params.limit ?? 100)));
    const timeoutMs = Math.max(0, Number(params.timeout ?? 0)) * 1000;
    // Updates below the offset are confirmed: Telegram forgets them.
    while (updates.length > 0 && Number(updates[0]!.update_id) < offset) updates.shift();
    const pending = (): Record<string, unknown>[] =>
      updates.filter((update) => Number(update.update_id) >= offset).slice(0, limit);
    if (pending().length > 0 || timeoutMs === 0) return Promise.resolve(pending());
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        pollers.delete(wake);
        response.off('close', finish);
        resolve(pending());
      };
      const wake = (): void => finish();
      const timer = setTimeout(finish, timeoutMs);
      pollers.add(wake);
      notify();
      // The client gave up (grammY's runner aborts its poll on stop).
      response.once('close', finish);
    });
  }

  const handlers: Record<string, (params: Record<string, unknown>, response: ServerResponse) => unknown> = {
    getMe: () => ({
      ...bot,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    }),
    deleteWebhook: () => {
      webhook = '';
      return true;
    },
    setWebhook: (params) => {
      webhook = String(params.url ?? '');
      return true;
    },
    getWebhookInfo: () => ({ url: webhook, has_custom_certificate: false, pending_update_count: 0 }),
    getUpdates,
    sendMessage,
    editMessageText,
    setMyCommands: () => true,
    answerCallbackQuery: () => true,
    getChat: (params) => {
      const key = params.chat_id;
      const chat = [...chats.values()].find(
        (candidate) => candidate.id === Number(key) || `@${candidate.username}` === key,
      );
      if (!chat) throw telegramError(400, 'Bad Request: chat not found');
      return chat;
    },
    getChatMember: (params) => {
      const chatId = Number(params.chat_id);
      const userId = Number(params.user_id);
      const member = members.get(`${chatId}:${userId}`);
      const user = userId === bot.id ? bot : { id: userId, is_bot: false, first_name: `user${userId}` };
      return member ? { user, ...member } : { user, status: userId === bot.id ? 'administrator' : 'member' };
    },
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(request.url ?? '/', 'http://fake').pathname);
    const params = await readParams(request);
    const answer = (status: number, body: unknown): void => {
      if (response.destroyed) return;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (!match || match[1] !== token) {
      answer(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const method = match[2]!;
    const handler = handlers[method];
    const queued = failures.get(method);
    const record = (ok: boolean): void => {
      calls.push({ method, params, ok });
      notify();
    };
    if (queued && queued.length > 0) {
      const failure = queued.shift()!;
      record(false);
      answer(failure.error_code, { ok: false, ...failure });
      return;
    }
    if (!handler) {
      record(false);
      answer(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      return;
    }
    try {
      const result = await handler(params, response);
      record(true);
      answer(200, { ok: true, result });
    } catch (error) {
      const failure = (error as { telegram?: TelegramFailure }).telegram;
      if (!failure) throw error;
      record(false);
      answer(failure.error_code, { ok: false, ...failure });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        response.writeHead(500).end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function injectUpdate(update: Record<string, unknown>): number {
    const updateId = nextUpdateId++;
    updates.push({ update_id: updateId, ...update });
    for (const wake of [...pollers]) wake();
    return updateId;
  }

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    sent,
    /** 429s by the limit broken (a chat's or the overall one); zero when no limits are enforced. */
    refused: () => ({ ...(limiter?.refused ?? { chat: 0, global: 0 }) }),
    callsOf: (method: string): ApiCall[] => calls.filter((call) => call.method === method),
    /** getUpdates requests being held open right now (long polls; recorded in calls when answered). */
    waitingPolls: (): number => pollers.size,
    messagesTo: (chatId: number): SentMessage[] => sent.filter((message) => message.chat.id === chatId),
    get webhookUrl(): string {
      return webhook;
    },
    injectUpdate,
    /** A user types `text` in `chat` (in forum topic `threadId`, if given). Returns the update id. */
    userSays(
      user: FakeUser,
      chat: FakeChat,
      text: string,
      extra: { threadId?: number; senderChat?: FakeChat } = {},
    ): number {
      return injectUpdate(messageUpdate(nextMessageId++, user, chat, text, extra));
    },
    /** A user presses an inline button of a message the bot sent. */
    pressButton(user: FakeUser, message: SentMessage, data: string): number {
      return injectUpdate(callbackUpdate(String(nextMessageId++), user, message, data));
    },
    /** Makes the next call(s) of `method` fail with `failure`. */
    failNext(method: string, failure: TelegramFailure, times = 1): void {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    /** getChatMember will answer `status` (creator, administrator, member, left, kicked) for the user. */
    setMember(chatId: number, userId: number, status: string, extra: Record<string, unknown> = {}): void {
      members.set(`${chatId}:${userId}`, { status, ...extra });
    },
    /** A chat getChat knows (channels named by @username). */
    addChat(chat: FakeChat): void {
      chats.set(chat.id, chat);
    },
    waitUntil,
    /** Resolves once `count` messages reached `chatId` (any chat when omitted). */
    waitForMessages(count: number, chatId?: number, timeoutMs?: number): Promise<SentMessage[]> {
      const matching = (): SentMessage[] =>
        chatId === undefined ? sent : sent.filter((message) => message.chat.id === chatId);
      return waitUntil(() => matching().length >= count, `${count} message(s)`, timeoutMs).then(matching);
    },
    /** Resolves with the calls of `method` once there are `count` of them. */
    waitForCalls(method: string, count = 1, timeoutMs?: number): Promise<ApiCall[]> {
      const matching = (): ApiCall[] => calls.filter((call) => call.method === method);
      return waitUntil(() => matching().length >= count, `${count} ${method} call(s)`, timeoutMs).then(matching);
    },
    async close(): Promise<void> {
      for (const wake of [...pollers]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
