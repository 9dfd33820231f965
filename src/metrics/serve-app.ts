import { ConfigError } from '../core/errors.js';
import type { App, Running } from '../main.js';
import type { Metrics } from './metrics.js';
import { startMetricsServer } from './server.js';

/** /healthz and /metrics on METRICS_HOST:METRICS_PORT; a port taken is a ConfigError naming the key. */
export async function serveAppMetrics(app: App, metrics: Metrics, role = 'all'): Promise<Running> {
  const host = app.config.METRICS_HOST;
  const port = app.config.METRICS_PORT ?? 0;
  const server = await startMetricsServer({ port, host, role, metrics }).catch((error: unknown) => {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    throw new ConfigError([`METRICS_PORT: cannot listen on ${host}:${port} (${reason})`]);
  });
  app.logger.info(
    { url: `http://${host}:${server.port}/metrics` },
    `metrics on http://${host}:${server.port}/metrics and /healthz`,
  );
  return { name: 'metrics', stop: () => server.close() };
}
