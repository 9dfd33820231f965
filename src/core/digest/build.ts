import type { ChatId, Quote, SubscriptionStyle } from '../domain.js';
import type { Digest, DigestSection, SectionStyle, StoryEntry } from '../reply.js';
import type { RankedCluster } from './select.js';
import { storyTime } from './select.js';

/** Turns selected clusters into the neutral digest every platform renders. */

/** Key quotes shown per entry unless a subscription asks otherwise. */
export const QUOTES_PER_ENTRY = 2;
/** The most key quotes an entry can carry (a subscription's `quotes 3`). */
export const MAX_QUOTES_PER_ENTRY = 3;

/**
 * A quotation as a digest shows it on its own: the comma that led into "she said" becomes a full
 * stop. The stored text stays exactly as in the article.
 */
export function displayQuote(quote: Quote): Quote {
  const text = quote.text.replace(/\s*[,;:]\s*$/, '.');
  return text === quote.text ? quote : { ...quote, text };
}

/**
 * One entry for one event: the lead story, its outlet and time, the other outlets, up to
 * `maxQuotes` key quotes, and a lead image — the lead story's, else the first other outlet's
 * picture of the same event.
 */
export function toStoryEntry(
  cluster: RankedCluster,
  keyQuotes: ReadonlyMap<number, readonly Quote[]>,
  maxQuotes = QUOTES_PER_ENTRY,
): StoryEntry {
  const quotes: Quote[] = [];
  const seen = new Set<string>();
  // The lead's own quotes first; other outlets' fill in when it has fewer.
  for (const story of cluster.members) {
    for (const quote of keyQuotes.get(story.id) ?? []) {
      if (quotes.length >= maxQuotes) break;
      const text = quote.text.trim().toLowerCase();
      if (seen.has(text)) continue;
      seen.add(text);
      quotes.push(displayQuote(quote));
    }
  }
  return {
    storyIds: cluster.members.map((story) => story.id),
    headline: cluster.lead.headline,
    url: cluster.lead.url,
    source: cluster.lead.source,
    time: storyTime(cluster.lead),
    alsoCoveredBy: cluster.sources.filter((source) => source !== cluster.lead.source),
    quotes,
    imageUrl: cluster.members.find((story) => story.imageUrl)?.imageUrl ?? null,
  };
}

/**
 * An entry as one subscription shows it: at most its number of quotes, no image when it turned
 * images off. Entries are shared between chats, so a changed one is a copy.
 */
export function styledEntry(entry: StoryEntry, style: SubscriptionStyle): StoryEntry {
  const quotes = entry.quotes.length > style.quotes ? entry.quotes.slice(0, style.quotes) : entry.quotes;
  const dropImage = !style.images && entry.imageUrl != null;
  if (quotes === entry.quotes && !dropImage) return entry;
  return { ...entry, quotes, ...(dropImage ? { imageUrl: null } : {}) };
}

/** What renderers need of a subscription's settings; undefined for the defaults (today's look). */
export function sectionStyleOf(style: SubscriptionStyle): SectionStyle | undefined {
  const { format, previews, silent, mentionRoleId } = style;
  if (format === 'full' && !previews && !silent && mentionRoleId === null) return undefined;
  return { format, previews, silent, mentionRoleId };
}

export interface SectionInput {
  topicSlug: string;
  topicName: string;
  chosen: readonly RankedCluster[];
  more: number;
}

export function buildSection(input: SectionInput, keyQuotes: ReadonlyMap<number, readonly Quote[]>): DigestSection {
  return {
    topicSlug: input.topicSlug,
    topicName: input.topicName,
    entries: input.chosen.map((cluster) => toStoryEntry(cluster, keyQuotes)),
    more: input.more,
  };
}

// Building a formatter costs far more than using one; a run formats thousands of digests.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "Tuesday 4 March" in the timezone: the day the reader sees the digest. */
export function digestDate(at: Date, timezone: string): string {
  let format = dateFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'long', day: 'numeric', month: 'long' });
    if (dateFormats.size > 1000) dateFormats.clear();
    dateFormats.set(timezone, format);
  }
  return format.format(at);
}

/**
 * The digest for one chat: one section per topic with something new, or null when there is
 * nothing to send (an empty digest is never sent).
 */
export function buildDigest(input: {
  chatId: ChatId;
  timezone: string;
  at: Date;
  sections: readonly DigestSection[];
}): Digest | null {
  const sections = input.sections.filter((section) => section.entries.length > 0);
  if (sections.length === 0) return null;
  const subject = sections.length === 1 ? sections[0]!.topicName : 'Your news';
  return {
    chatId: input.chatId,
    title: `${subject} — ${digestDate(input.at, input.timezone)}`,
    timezone: input.timezone,
    sections,
  };
}

/** Every story id a digest stands for (what becomes "delivered" once it is queued). */
export function digestStoryIds(digest: Digest): number[] {
  return digest.sections.flatMap((section) => section.entries.flatMap((entry) => entry.storyIds));
}
