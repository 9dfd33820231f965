/**
 * One pass over a parsed page's elements collecting everything the metadata reader needs: meta tags, JSON-LD
 * blocks, the <title>, the h1s, the first <time datetime>, a deck, a byline element and tag links. Replaces
 * about twenty whole-document querySelector calls (issue 10), walking the elements in document order.
 */
import { classOf, textOf, type DomDocument, type DomElement } from './dom.js';
import { nextElementInOrder } from './linked-order.js';
import { collapseWhitespace } from './text-utils.js';

/** What the pass found; the first occurrence wins wherever a single value is kept. */
export interface PageScan {
  /** meta property / name / itemprop → first non-empty content. */
  meta: Map<string, string>;
  /** Every article:tag meta content, in order. */
  articleTags: string[];
  jsonLd: string[];
  title: string;
  /** h1s and itemprop=headline elements, kickers removed, in document order. */
  h1s: string[];
  time: string | null;
  deck: string;
  bylineText: string;
  tagLinks: string[];
  /** Embedded social posts: removed before Readability. */
  embeds: DomElement[];
  /** <footer>/<cite> inside a blockquote: a quotation's credit, kept as a paragraph. */
  credits: DomElement[];
  /** Captions, credits, newsletter boxes, related links and share bars (removed when short). */
  furniture: DomElement[];
}

const EMBED = /twitter-tweet|instagram-media|tiktok-embed/;
const FURNITURE_CLASS = /caption|credit|newsletter|related|share/;

function insideBlockquote(element: DomElement): boolean {
  for (let node = element.parentElement; node; node = node.parentElement)
    if (node.tagName === 'BLOCKQUOTE') return true;
  return false;
}

const DECK = /standfirst|subheadline|dek|deck/;
const BYLINE = /byline|author/;
const TAG_CONTAINER = /tags|topics|tag-list|keywords/;
const MAX_JSON_LD = 10;
const MAX_TAG_LINKS = 30;
const MAX_H1 = 5;
/** Parts of a heading that are not the headline: the kicker above it and the colon joining them. */
const KICKER = /overline|dachzeile|kicker|topline|roofline|eyebrow|supertitle|ts-colon|label/i;

/** A heading's text without its kicker span ("Interne Unterlagen im Netz" above "Daten von Rheinmetall gehackt"). */
function headingText(element: DomElement): string {
  const children = element.childNodes;
  let hasKicker = false;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as DomElement;
    if (child.nodeType === 1 && KICKER.test(classOf(child))) hasKicker = true;
  }
  if (!hasKicker) return textOf(element);
  const parts: string[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as DomElement;
    if (child.nodeType === 1 && KICKER.test(classOf(child))) continue;
    parts.push(child.textContent ?? '');
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Whether an ancestor's class matches `pattern`. `known` holds, per element already seen, whether it or an
 * ancestor matches, so the links of a page share the walk up their common ancestors.
 */
function hasAncestorClass(element: DomElement, pattern: RegExp, known: Map<DomElement, boolean>): boolean {
  const unknown: DomElement[] = [];
  let answer = false;
  for (let node = element.parentElement; node; node = node.parentElement) {
    const cached = known.get(node);
    if (cached !== undefined) {
      answer = cached;
      break;
    }
    unknown.push(node);
  }
  for (let i = unknown.length - 1; i >= 0; i--) {
    const node = unknown[i]!;
    answer ||= pattern.test(classOf(node));
    known.set(node, answer);
  }
  return answer;
}

/** rel=author or a class naming a byline or author (a byline's inner name never precedes the byline itself). */
function isBylineElement(element: DomElement, className: string): boolean {
  return element.getAttribute('rel') === 'author' || BYLINE.test(className);
}

export function scanPage(doc: DomDocument): PageScan {
  const scan: PageScan = {
    meta: new Map(),
    articleTags: [],
    jsonLd: [],
    title: '',
    h1s: [],
    time: null,
    deck: '',
    bylineText: '',
    tagLinks: [],
    embeds: [],
    credits: [],
    furniture: [],
  };
  let sawTitle = false;
  let sawDeck = false;
  let sawByline = false;
  const inTagContainer = new Map<DomElement, boolean>();
  for (let element = doc.firstElementChild; element; element = nextElementInOrder(element)) {
    const tag = element.tagName;
    if (tag === 'META') {
      const content = collapseWhitespace(element.getAttribute('content') ?? '');
      const property = element.getAttribute('property');
      const name = element.getAttribute('name');
      if (property === 'article:tag' || name === 'article:tag') scan.articleTags.push(content);
      if (content === '') continue;
      for (const key of [property, name, element.getAttribute('itemprop')]) {
        if (key && !scan.meta.has(key)) scan.meta.set(key, content);
      }
      continue;
    }
    if (tag === 'SCRIPT') {
      if (element.getAttribute('type') === 'application/ld+json' && scan.jsonLd.length < MAX_JSON_LD)
        scan.jsonLd.push(element.textContent ?? '');
      continue;
    }
    if (tag === 'TITLE' && !sawTitle) {
      sawTitle = true;
      scan.title = textOf(element);
    } else if ((tag === 'H1' || element.getAttribute('itemprop') === 'headline') && scan.h1s.length < MAX_H1) {
      const text = headingText(element);
      if (text) scan.h1s.push(text);
    } else if (tag === 'TIME' && scan.time === null) {
      scan.time = element.getAttribute('datetime');
    } else if (tag === 'A' && scan.tagLinks.length < MAX_TAG_LINKS) {
      const rel = element.getAttribute('rel') ?? '';
      if (/(^|\s)tag(\s|$)/.test(rel) || hasAncestorClass(element, TAG_CONTAINER, inTagContainer))
        scan.tagLinks.push(textOf(element));
    }
    const className = classOf(element);
    if (tag === 'BLOCKQUOTE' && EMBED.test(className)) scan.embeds.push(element);
    else if ((tag === 'FOOTER' || tag === 'CITE') && insideBlockquote(element)) scan.credits.push(element);
    if (tag === 'FIGCAPTION' || FURNITURE_CLASS.test(className)) scan.furniture.push(element);
    if (sawDeck && sawByline) continue;
    if (!sawDeck && DECK.test(className)) {
      sawDeck = true;
      scan.deck = textOf(element);
    }
    if (!sawByline && isBylineElement(element, className)) {
      sawByline = true;
      scan.bylineText = textOf(element);
    }
  }
  return scan;
}
