import { Redis } from 'ioredis';
import { connectPostgres } from '../../src/store/postgres/connect.js';
import { DATABASE_URL, REDIS_URL } from './helpers/servers.js';

/**
 * The scale suites need real PostgreSQL and Redis servers. A missing server FAILS the run with a
 * sentence saying which and how to start it: these tests are never skipped silently.
 */
export default async function checkServers(): Promise<void> {
  const problems: string[] = [];
  try {
    const pool = await connectPostgres(DATABASE_URL, { connectionTimeoutMs: 3000 });
    await pool.end();
  } catch (error) {
    problems.push((error as Error).message);
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let cause: Error | undefined;
  redis.on('error', (error: Error) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const reason = (cause ?? (error as Error)).message;
    problems.push(`Cannot reach Redis at ${REDIS_URL} (REDIS_URL): ${reason}. Is the server running?`);
  } finally {
    redis.disconnect();
  }
  if (problems.length > 0) {
    throw new Error(
      `npm run test:scale needs PostgreSQL and Redis running:\n- ${problems.join('\n- ')}\n` +
        'Start them (README: "Tests against PostgreSQL and Redis") or point DATABASE_URL / REDIS_URL at yours.',
    );
  }
}
