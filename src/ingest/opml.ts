import { generateOpml, parseOpml as parseOpmlDocument, type Opml } from 'feedsmith';
import type { OpmlFeed, OpmlTopic } from '../core/ingest-port.js';
import { UserError } from '../core/errors.js';
import { capNullable, FIELD_CAPS } from './field-caps.js';
import { assertNoEntityDeclarations } from './xml-prolog.js';

/** An OPML file with more feeds than this is refused: it is not a reading list a community keeps. */
export const MAX_OPML_FEEDS = 1000;

/** Folders nested deeper than this are flattened into their ancestor at this depth. */
export const MAX_FOLDER_DEPTH = 20;

type Outline = Opml.Outline<string>;

/**
 * The feeds of an OPML document: every outline with an xmlUrl, with its category (the `category`
 * attribute's last path segment, else the folder outline it sits in). Throws a UserError when the
 * text is not OPML.
 */
export function parseOpmlFeeds(text: string): OpmlFeed[] {
  let document: Opml.Document<string>;
  try {
    assertNoEntityDeclarations(text);
    document = parseOpmlDocument(text);
  } catch {
    throw new UserError('That is not an OPML file (an XML <opml> document with <outline xmlUrl="…"> entries).');
  }
  const feeds: OpmlFeed[] = [];
  // Depth-first in document order, without recursion: a hostile file nested 100,000 deep is walked
  // like any other. Folders deeper than MAX_FOLDER_DEPTH are flattened into their ancestor: their
  // feeds are kept, in the folder of the deepest one that counts.
  const stack: { outline: Outline; folder: string | null; depth: number }[] = [];
  const push = (outlines: readonly Outline[] | undefined, folder: string | null, depth: number): void => {
    for (let index = (outlines ?? []).length - 1; index >= 0; index--) {
      stack.push({ outline: outlines![index]!, folder, depth });
    }
  };
  push(document.body?.outlines, null, 0);
  while (stack.length > 0) {
    const { outline, folder, depth } = stack.pop()!;
    if (outline.xmlUrl?.trim()) {
      if (feeds.length >= MAX_OPML_FEEDS) {
        throw new UserError(`That OPML file lists more than ${MAX_OPML_FEEDS} feeds; split it into smaller files.`);
      }
      feeds.push({
        url: outline.xmlUrl.trim(),
        title: capNullable((outline.title ?? outline.text)?.trim(), FIELD_CAPS.feedTitle),
        category: categoryOf(outline.category) ?? folder,
        folder,
      });
    }
    if (outline.outlines) {
      const named = outline.xmlUrl ? folder : (outline.title ?? outline.text)?.trim() || folder;
      push(outline.outlines, depth < MAX_FOLDER_DEPTH ? named : folder, depth + 1);
    }
  }
  return feeds;
}

/** "/News/World, /Other" → "World": the first category's last path segment. */
function categoryOf(attribute: string | undefined): string | null {
  const first = attribute?.split(',')[0] ?? '';
  const segments = first
    .split('/')
    .map((segment) => segment.trim())
    .filter(Boolean);
  return segments.at(-1) ?? null;
}

/** OPML 2.0 of topics and their feeds: one folder outline per topic, its slug as each feed's category. */
export function renderOpmlDocument(title: string, topics: readonly OpmlTopic[], now: Date = new Date()): string {
  return generateOpml({
    head: { title, dateCreated: now },
    body: {
      outlines: topics.map(({ topic, feeds }) => ({
        text: topic.name,
        title: topic.name,
        ...(topic.description ? { description: topic.description } : {}),
        outlines: feeds.map((feed) => ({
          text: feed.title ?? feed.url,
          title: feed.title ?? feed.url,
          type: 'rss',
          xmlUrl: feed.url,
          category: `/${topic.slug}`,
        })),
      })),
    },
  });
}
