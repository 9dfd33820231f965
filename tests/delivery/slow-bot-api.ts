import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One sendMessage as the fake Bot API received it. */
export interface ReceivedMessage {
  /** Which run of the child sent it: the path prefix of the API root the child was given. */
  run: number;
  chatId: string;
  text: string;
}

/**
 * A fake Telegram Bot API for the crash test: counts EVERY sendMessage it receives (Telegram has
 * no idempotency key, so neither has this), and answers each one `latencyMs` later, like a slow
 * API. A child killed in that window leaves a message Telegram shows but the outbox never marked.
 * API roots are `<url>/run/<n>`, so each call is tagged with the run that made it.
 */
export async function startSlowBotApi(latencyMs: number) {
  const received: ReceivedMessage[] = [];
  let nextMessageId = 1;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const match = /^\/run\/(\d+)\/bot[^/]+\/(\w+)$/.exec(request.url ?? '');
      const answer = (body: unknown): void => {
        if (response.destroyed) return;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (!match || match[2] !== 'sendMessage') {
        answer({ ok: false, error_code: 404, description: 'Not Found' });
        return;
      }
      const params = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { chat_id: number | string; text: string };
      received.push({ run: Number(match[1]), chatId: String(params.chat_id), text: params.text });
      const result = {
        message_id: nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(params.chat_id), type: 'private' },
        text: params.text,
      };
      setTimeout(() => answer({ ok: true, result }), latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiRoot: (run: number) => `${url}/run/${run}`,
    received,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
