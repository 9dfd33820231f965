import { readCatalogue } from './catalogue.js';
import type { Config } from './config.js';

/**
 * The bundled catalogue's feeds are invented local files: right for the offline console, but a
 * Discord server or Telegram group would get made-up news. When a platform token is set and every
 * feed of the catalogue is a local file, start-up says so and how to switch to real feeds.
 */

/** The catalogue of well-known public news feeds shipped beside the sample. */
export const NEWS_CATALOGUE = 'data/catalogue-news.json';

const isUrl = (feed: string): boolean => /^https?:\/\//i.test(feed);

/** The notice to log at start-up, or null when none is needed. */
export function sampleCatalogueNotice(config: Config): string | null {
  const platforms = [config.DISCORD_TOKEN ? 'Discord' : null, config.TELEGRAM_BOT_TOKEN ? 'Telegram' : null].filter(
    (name) => name !== null,
  );
  if (platforms.length === 0) return null;
  const feeds = readCatalogue(config.CATALOGUE_PATH).catalogue.topics.flatMap((topic) => topic.feeds);
  if (feeds.length === 0 || feeds.some(isUrl)) return null;
  return (
    `The catalogue ${config.CATALOGUE_PATH} is the offline sample: its ${feeds.length} feeds are local files with invented stories, ` +
    `and ${platforms.join(' and ')} will see those. For real news from public feeds, set CATALOGUE_PATH=${NEWS_CATALOGUE} in .env and restart.`
  );
}
