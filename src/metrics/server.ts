import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.js';

export interface MetricsServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Local only by default: metrics are for the operator's Prometheus, not the internet. */
  host?: string;
  /** What this process does (`all`, `gateway`, `worker`), shown by /healthz. */
  role: string;
  metrics: Metrics;
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves GET /healthz (200 `{"ok":true,"uptime":s,"role":…}`: the process is up and its event loop
 * answers) and GET /metrics (Prometheus text). Anything else is 404.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const started = Date.now();
  const { registry } = options.metrics;
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/healthz') {
      const body = JSON.stringify({ ok: true, uptime: Math.round((Date.now() - started) / 1000), role: options.role });
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else if (path === '/metrics') {
      registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (error: Error) =>
          response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${error.message}\n`),
      );
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
