import { logLevelFor, type Config } from '../config.js';
import { ConfigError } from '../core/errors.js';
import type { FeedPollResult } from '../core/ingest-port.js';
import { createLogger } from '../logger.js';
import { openApp, prepareCatalogue, type App, type Io } from '../main.js';

const USAGE = `Usage: newsbrief ingest --once [--all]

Polls every due feed once and prints one line per feed.
  --once   required: poll once and exit (npm start polls on a schedule)
  --all    every enabled feed, whatever its schedule
`;

export async function runIngest(config: Config, argv: string[], io: Pick<Io, 'stdout' | 'stderr'>): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--once' && arg !== '--all');
  if (!argv.includes('--once') || unknown.length > 0) {
    io.stderr.write(`${unknown.length > 0 ? `newsbrief ingest: unknown argument ${unknown[0]}\n\n` : ''}${USAGE}`);
    return 2;
  }
  const logger = createLogger({ level: logLevelFor(config), format: config.LOG_FORMAT });
  let app: App;
  try {
    app = await openApp(config, logger);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    io.stderr.write(
      `newsbrief ingest: cannot open the database at ${config.DATABASE_URL ? 'DATABASE_URL' : config.DATABASE_PATH}: ${(error as Error).message}\n`,
    );
    return 1;
  }
  try {
    await prepareCatalogue(app);
    const results = await app.ingest.pollDueFeeds({ all: argv.includes('--all') });
    for (const result of results) io.stdout.write(`${describeResult(result)}\n`);
    io.stdout.write(`${summarise(results)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    io.stderr.write(`newsbrief ingest: the database is unusable: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await app.close();
  }
}

/** One line per feed: what it brought, or why it failed. */
export function describeResult(result: FeedPollResult): string {
  const name = result.title ? `${result.title} <${result.url}>` : result.url;
  switch (result.outcome) {
    case 'updated': {
      const stories = `${result.newStories} new ${result.newStories === 1 ? 'story' : 'stories'}`;
      const first = result.firstPoll ? ' (first poll: stored, not pushed to digests)' : '';
      return `ok           ${name}: ${stories} of ${result.items} items${first}`;
    }
    case 'not-modified':
      return `unchanged    ${name}: not modified`;
    case 'failed': {
      const next = result.disabled ? 'disabled' : result.nextPollAt ? `retry after ${result.nextPollAt}` : '';
      return `failed       ${name}: ${result.errorKind}: ${result.error}${next ? ` — ${next}` : ''}`;
    }
  }
}

function summarise(results: readonly FeedPollResult[]): string {
  const count = (outcome: FeedPollResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  const stories = results.reduce((sum, result) => sum + (result.outcome === 'updated' ? result.newStories : 0), 0);
  if (results.length === 0) return 'No feed is due.';
  return `${results.length} feeds: ${count('updated')} updated (${stories} new stories), ${count('not-modified')} not modified, ${count('failed')} failed`;
}
