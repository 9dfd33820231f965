import type { IncomingMessage } from 'node:http';

/** A request's parameters: query string, then a JSON or form body (what the Bot API accepts). */
export async function readParams(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const query = Object.fromEntries(new URL(request.url ?? '/', 'http://fake').searchParams);
  if (!body) return query;
  if ((request.headers['content-type'] ?? '').includes('application/json')) {
    return { ...query, ...(JSON.parse(body) as Record<string, unknown>) };
  }
  return { ...query, ...Object.fromEntries(new URLSearchParams(body)) };
}
