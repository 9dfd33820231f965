import { editDistance } from './core/slug.js';

/**
 * Keys in the environment that look meant for newsbrief but are not its keys: a typo
 * (`DATABSE_PATH`) or the name another bot uses (`TELEGRAM_TOKEN`, `DISCORD_BOT_TOKEN`). Such a key
 * is silently ignored by the schema, so the bot would start without the setting; a warning names
 * the real key. Only keys that look like ours are checked — close to a known key, or under one of
 * our prefixes — never the machine's other variables.
 */

/** Prefixes that only newsbrief's keys use. */
const OUR_PREFIXES = ['DISCORD_', 'TELEGRAM_', 'CATALOGUE_', 'FEED_', 'FETCH_', 'DIGEST_', 'NEWSBRIEF_'];
/** A typo: this close to a known key, whatever its prefix. */
const TYPO_DISTANCE = 2;
/** Under one of our prefixes, a known key this close is what was meant. */
const PREFIXED_DISTANCE = 5;
const MAX_KEY_LENGTH = 64;

function nearest(key: string, known: readonly string[]): { key: string; distance: number } | null {
  let best: { key: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(key, candidate);
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best;
}

/** One warning per environment key that looks like a misspelt or borrowed newsbrief key. */
export function nearMissWarnings(
  env: Readonly<Record<string, string | undefined>>,
  known: readonly string[],
): string[] {
  const knownSet = new Set(known);
  const warnings: string[] = [];
  for (const key of Object.keys(env).sort()) {
    if (knownSet.has(key) || key.length > MAX_KEY_LENGTH || env[key] === undefined) continue;
    const upper = key.toUpperCase();
    const prefix = OUR_PREFIXES.find((candidate) => upper.startsWith(candidate));
    const close = nearest(upper, known);
    if (close && (knownSet.has(upper) || close.distance <= TYPO_DISTANCE)) {
      warnings.push(`${key} is not a newsbrief setting and is ignored — did you mean ${close.key}?`);
    } else if (prefix) {
      const sameFamily = nearest(
        upper,
        known.filter((candidate) => candidate.startsWith(prefix)),
      );
      warnings.push(
        sameFamily && sameFamily.distance <= PREFIXED_DISTANCE
          ? `${key} is not a newsbrief setting and is ignored — did you mean ${sameFamily.key}?`
          : `${key} is not a newsbrief setting and is ignored — .env.example lists the ${prefix}… keys`,
      );
    }
  }
  return warnings;
}

/** Where loadConfig reports them before any logger exists: one line each on stderr. */
export function warnOnStderr(warning: string): void {
  process.stderr.write(`newsbrief: warning: ${warning}\n`);
}
