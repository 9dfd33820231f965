/**
 * The quotation-mark families and how each mark is judged by the characters around it: straight and curly single
 * marks double as apostrophes, straight double marks open and close alike, German and French marks run the
 * other way round.
 */

/** The kinds of quotation marks newsbrief recognises; each closes only with its own closer. */
export type QuoteFamily =
  | 'curly-double'
  | 'straight-double'
  | 'curly-single'
  | 'straight-single'
  | 'guillemet'
  | 'low-double'
  | 'low-single'
  | 'reversed-guillemet'
  | 'single-guillemet'
  | 'corner'
  | 'white-corner';

const OPENING_CONTEXT = new Set([
  '(',
  '[',
  '{',
  '—',
  '–',
  '-',
  '/',
  ':',
  ';',
  '"',
  '“',
  '‘',
  "'",
  '«',
  '„',
  '‚',
  '‹',
  '»',
]);
const CLOSING_CONTEXT = new Set([
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  ')',
  ']',
  '}',
  '—',
  '–',
  '-',
  '…',
  '"',
  '”',
  '’',
  "'",
  '»',
  '«',
  '“',
  '‘',
  '›',
]);
/** Words that follow an elided leading apostrophe ('em, 'til, 'n'), which is not an opening mark. */
const ELISIONS = new Set(['em', 'til', 'tis', 'twas', 'n', 'cause', 'bout', 'round', 'ere']);
/**
 * Words that commonly follow a closing mark. A plural possessive (the leaders' level) is followed by a noun
 * instead, so a mark after -s followed by one of these is taken as closing.
 */
const WORDS_AFTER_CLOSING = new Set(
  `and or but as in on at to for with by from of that which who he she they it we was were is are said says
  added told the a an when while after before because if so than then according adding saying`.split(/\s+/),
);

const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\u00a0';
const isLetterOrDigit = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isLowerLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{Ll}/u.test(ch);
const isUpperLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{Lu}/u.test(ch);

function opensInContext(text: string, i: number): boolean {
  const before = text[i - 1];
  return before === undefined || isSpace(before) || OPENING_CONTEXT.has(before);
}

function closesInContext(text: string, i: number): boolean {
  const after = text[i + 1];
  return after === undefined || isSpace(after) || CLOSING_CONTEXT.has(after);
}

function wordAt(text: string, from: number): string {
  let end = from;
  while (end < text.length && end - from < 20 && isLetterOrDigit(text[end])) end++;
  return text.slice(from, end);
}

/** A straight or curly single mark that opens a quotation, not an elision such as 'em or '90s. */
function opensSingle(text: string, i: number): boolean {
  if (!opensInContext(text, i)) return false;
  const next = text[i + 1];
  // The seed's "', ' Putin thinks" puts a space inside the opening mark; allow one before a capital.
  if (next === ' ') return isUpperLetter(text[i + 2]) && isSpace(text[i - 1]);
  if (next === undefined || isSpace(next)) return false;
  const word = wordAt(text, i + 1);
  if (ELISIONS.has(word.toLowerCase())) return false;
  if (/^\d\ds$/.test(word)) return false;
  return true;
}

/** A plural possessive (the leaders' level) rather than the end of a quotation. */
function looksLikePluralPossessive(text: string, i: number): boolean {
  const before = text[i - 1];
  if (before !== 's' && before !== 'S') return false;
  if (text[i + 1] !== ' ') return false;
  const word = wordAt(text, i + 2);
  return word.length > 0 && isLowerLetter(word[0]) && !WORDS_AFTER_CLOSING.has(word);
}

function closesSingle(text: string, i: number, lastCloser: number): boolean {
  const before = text[i - 1];
  if (before === undefined || isSpace(before)) return false;
  if (!closesInContext(text, i)) return false;
  // Prefer reading "s' noun" as a possessive when a later mark can still close the quotation.
  return !(looksLikePluralPossessive(text, i) && lastCloser > i);
}

/** A German low single mark opens before a letter; a comma-like ‚ after a word is punctuation, not a mark. */
function opensLowSingle(text: string, i: number): boolean {
  return opensInContext(text, i) && isLetterOrDigit(text[i + 1]);
}

/** »…« opens only where a quotation can start and before a word: a stray » is a closer or an arrow. */
function opensReversed(text: string, i: number): boolean {
  return opensInContext(text, i) && isLetterOrDigit(text[i + 1]);
}

function opensStraightDouble(text: string, i: number): boolean {
  const next = text[i + 1];
  return opensInContext(text, i) && next !== undefined && !isSpace(next);
}

/** A closing single mark with a space after it: `game.' "` spaces a nested quotation's closer from the outer one. */
const spacedAfterNestedCloser = (text: string, i: number): boolean =>
  text[i - 1] === ' ' && (text[i - 2] === "'" || text[i - 2] === '’') && !isSpace(text[i - 3]);

function closesStraightDouble(text: string, i: number): boolean {
  const before = text[i - 1];
  if (before === undefined) return false;
  return (!isSpace(before) || spacedAfterNestedCloser(text, i)) && closesInContext(text, i);
}

export interface FamilyRules {
  opener: string;
  /** The mark that closes; `altCloser` also closes (German „…” typed with an English closing mark). */
  closer: string;
  altCloser?: string;
  opens(text: string, i: number): boolean;
  closes(text: string, i: number, lastCloser: number): boolean;
  /** Distinct opening and closing marks that a quotation inside a quotation may reuse: “…“fake news”…”. */
  nests?: boolean;
  /** Whether the mark at `i` can only be an opener (a space before, a letter after), never this opener's closer. */
  onlyOpens?(text: string, i: number): boolean;
  /** A closer of another family taken when the paragraph has none of this one's: “…" typed with two keyboards. */
  fallback?: { closer: string; closes(text: string, i: number): boolean };
}

export const FAMILIES: Record<QuoteFamily, FamilyRules> = {
  'curly-double': {
    opener: '“',
    closer: '”',
    opens: () => true,
    closes: () => true,
    nests: true,
    fallback: { closer: '"', closes: closesStraightDouble },
  },
  guillemet: { opener: '«', closer: '»', opens: () => true, closes: () => true, nests: true },
  'straight-double': {
    opener: '"',
    closer: '"',
    opens: opensStraightDouble,
    closes: closesStraightDouble,
    onlyOpens: (text, i) => isSpace(text[i - 1]) && isLetterOrDigit(text[i + 1]),
  },
  'curly-single': {
    opener: '‘',
    closer: '’',
    opens: (text, i) => !/\d/.test(text[i + 1] ?? '') && (opensInContext(text, i) || text[i + 1] !== ' '),
    closes: closesSingle,
  },
  'straight-single': { opener: "'", closer: "'", opens: opensSingle, closes: closesSingle },
  // German, Polish, Czech „…“ and ‚…‘; German books' »…«; French and Swiss ‹…›; Japanese 「…」 and 『…』.
  'low-double': { opener: '„', closer: '“', altCloser: '”', opens: () => true, closes: () => true },
  'low-single': { opener: '‚', closer: '‘', altCloser: '’', opens: opensLowSingle, closes: closesSingle },
  'reversed-guillemet': { opener: '»', closer: '«', opens: opensReversed, closes: closesStraightDouble },
  'single-guillemet': { opener: '‹', closer: '›', opens: () => true, closes: () => true },
  corner: { opener: '「', closer: '」', opens: () => true, closes: () => true },
  'white-corner': { opener: '『', closer: '』', opens: () => true, closes: () => true },
};

export const FAMILY_BY_OPENER = new Map<string, QuoteFamily>(
  (Object.keys(FAMILIES) as QuoteFamily[]).map((family) => [FAMILIES[family].opener, family]),
);

/** Any family's opening mark (all are single UTF-16 characters). */
export const ANY_OPENER = new RegExp(`[${[...FAMILY_BY_OPENER.keys()].join('')}]`, 'g');

/** The next index at or after `from` holding the family's closer or its alternative, or -1. */
export function nextCloser(text: string, rules: FamilyRules, from: number): number {
  const main = text.indexOf(rules.closer, from);
  if (rules.altCloser === undefined) return main;
  const alt = text.indexOf(rules.altCloser, from);
  return main < 0 ? alt : alt < 0 ? main : Math.min(main, alt);
}

/** Index of the last mark that could close `family` in `text`, for the possessive look-ahead. */
export function lastPossibleCloser(text: string, family: QuoteFamily): number {
  const rules = FAMILIES[family];
  for (let i = text.lastIndexOf(rules.closer); i >= 0; i = i === 0 ? -1 : text.lastIndexOf(rules.closer, i - 1)) {
    const before = text[i - 1];
    if (before !== undefined && !isSpace(before) && closesInContext(text, i) && !looksLikePluralPossessive(text, i)) {
      return i;
    }
  }
  return -1;
}
