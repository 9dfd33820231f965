/**
 * A feed document cut to its first `max` items before it is parsed: a feed of 5,000 items costs
 * the parse of 500. The items after the first `max` (RSS/RDF `<item>`, Atom `<entry>`) are cut out
 * whole; everything before the first cut item and after the last item's end tag (feed-level
 * elements, closing tags) stays, so the cut document has the same feed and the same first items.
 *
 * Only elements at the top level of item nesting are counted, and CDATA sections and comments are
 * skipped, so an item's content that mentions `<item>` does not move the cut. The caller still
 * checks the parse of a cut document (same format, exactly `max` items) and parses the whole
 * document when anything is off: the cut is a shortcut, never a different answer.
 */

const ITEM_NAMES = ['item', 'entry'] as const;
type ItemName = (typeof ITEM_NAMES)[number];

/** The document without its items after the first `max`, or null when it has no more than `max`. */
export function withFirstItems(text: string, max: number): string | null {
  // RSS and RDF items, else Atom entries: a document with items is not searched for entries.
  const items = occurrences(text, '<item', max + 1);
  if (items <= max && (items > 0 || occurrences(text, '<entry', max + 1) <= max)) return null;
  const seen: Record<ItemName, number> = { item: 0, entry: 0 };
  const depth: Record<ItemName, number> = { item: 0, entry: 0 };
  let at = 0;
  for (;;) {
    const open = text.indexOf('<', at);
    if (open < 0) return null;
    if (text.startsWith('<![CDATA[', open) || text.startsWith('<!--', open)) {
      const end = text.indexOf(text[open + 2] === '[' ? ']]>' : '-->', open + 4);
      if (end < 0) return null;
      at = end + 3;
      continue;
    }
    at = open + 1;
    const closing = text.charCodeAt(at) === 47; /* / */
    const name = tagName(text, closing ? at + 1 : at);
    if (name === null) continue;
    if (closing) {
      if (depth[name] > 0) depth[name]--;
      continue;
    }
    const end = text.indexOf('>', at);
    if (end < 0) return null;
    if (text.charCodeAt(end - 1) === 47) continue; // <item/> holds nothing
    if (depth[name]++ > 0) continue;
    if (++seen[name] <= max) continue;
    const tail = text.lastIndexOf(`</${name}>`);
    if (tail < open) return null;
    return text.slice(0, open) + text.slice(tail + name.length + 3);
  }
}

/** How many times `part` occurs, counting up to `upTo`: a quick bound before the careful scan. */
function occurrences(text: string, part: string, upTo: number): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0 && count < upTo; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

/** `item` or `entry` when the tag at `start` is one (unprefixed, then a space, `>` or `/`). */
function tagName(text: string, start: number): ItemName | null {
  for (const name of ITEM_NAMES) {
    if (!text.startsWith(name, start)) continue;
    const after = text.charCodeAt(start + name.length);
    // space, tab, CR, LF, '>' or '/'
    if (after === 32 || after === 9 || after === 10 || after === 13 || after === 62 || after === 47) return name;
  }
  return null;
}
