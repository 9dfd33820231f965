import { FetchError } from './fetch-error.js';

/**
 * Refuses XML that declares entities in its DOCTYPE (billion laughs, external entities). Feeds
 * have no business declaring entities, and refusing them outright is simpler and safer than
 * limiting their expansion. Only the prolog is looked at, so an article in CDATA that talks
 * about <!ENTITY> is not refused. Linear: one pass over the prolog.
 */
export function assertNoEntityDeclarations(text: string): void {
  const subset = doctypeInternalSubset(text);
  if (subset !== null && /<!ENTITY/i.test(subset)) {
    throw new FetchError('not-a-feed', 'refused: the document declares XML entities (entity-expansion attack)');
  }
}

/** The text of the DOCTYPE's internal subset ("[ … ]"), or null when there is none. */
function doctypeInternalSubset(text: string): string | null {
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') {
      index++;
    } else if (text.startsWith('<?', index)) {
      const end = text.indexOf('?>', index + 2);
      if (end < 0) return null;
      index = end + 2;
    } else if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4);
      if (end < 0) return null;
      index = end + 3;
    } else if (text.slice(index, index + 9).toUpperCase() === '<!DOCTYPE') {
      const open = text.indexOf('[', index);
      const close = text.indexOf('>', index);
      // No "[" before the DOCTYPE's ">" means no internal subset.
      if (open < 0 || (close >= 0 && close < open)) return null;
      const subsetEnd = /\]\s*>/g;
      subsetEnd.lastIndex = open;
      const end = subsetEnd.exec(text)?.index ?? text.length;
      return text.slice(open, end);
    } else {
      return null;
    }
  }
  return null;
}
