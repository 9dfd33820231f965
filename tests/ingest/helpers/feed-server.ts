import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface TestServer {
  origin: string;
  url(path: string): string;
  /** Requests received, in order. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  hits(path: string): number;
  /** Replaces or adds a route. */
  route(path: string, handler: Handler): void;
}

const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()!();
});

/** An HTTP server on 127.0.0.1 serving `routes` by path (404 otherwise), closed after the test. */
export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: TestServer['requests'] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: request.headers });
    const handler = table.get(path);
    if (handler) return handler(request, response);
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    hits: (path) => requests.filter((entry) => entry.path === path).length,
    route: (path, handler) => table.set(path, handler),
  };
}

/** Serves a body with a content type. */
export const serve =
  (
    body: string | Buffer,
    contentType = 'application/rss+xml; charset=utf-8',
    headers: Record<string, string> = {},
  ): Handler =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': contentType, ...headers }).end(body);
  };

/** Answers 304 when the request's validators match, else the body with them. */
export const conditional =
  (body: () => string, validators: { etag?: string; lastModified?: string }): Handler =>
  (request, response) => {
    const etagMatches = validators.etag !== undefined && request.headers['if-none-match'] === validators.etag;
    const dateMatches =
      validators.lastModified !== undefined && request.headers['if-modified-since'] === validators.lastModified;
    if (etagMatches || dateMatches) return void response.writeHead(304).end();
    const headers: Record<string, string> = { 'content-type': 'application/rss+xml' };
    if (validators.etag) headers.etag = validators.etag;
    if (validators.lastModified) headers['last-modified'] = validators.lastModified;
    response.writeHead(200, headers).end(body());
  };

export const redirect =
  (location: string, status = 301): Handler =>
  (_request, response) => {
    response.writeHead(status, { location }).end();
  };
