/**
 * German's impersonal attribution: "„…“, hieß es in einer Mitteilung der Behörde", "„…“, heißt es aus dem
 * Konzern", or a bare "„…“, heißt es" after the paragraph named the body ("Die Deutsche Bank …"). The speaker is
 * the body: the one the paragraph named whose name ends in the noun given ("Landesbehörde" for "der Behörde",
 * "Gesundheitsministerium" for "des Ministeriums"), or for a bare "heißt es" the last name of a body the paragraph wrote before the quotation.
 */
import { isNeverAName, looksLikeOrganisation, type NamedEntity } from './names.js';
import { isCapitalised, tokenize, type Token } from './tokens.js';

const IMPERSONAL = /^[\s,.;:–—-]*(?:hieß|heißt)\s+es\b/u;
/** Words between "heißt es" and the body: "in einer Erklärung des", "aus dem", "von Seiten der". */
const LINK_WORDS = new Set(
  `in einer einem der des dem den aus von vom seitens Seiten im beim zufolge Erklärung Mitteilung Stellungnahme
  Pressemitteilung Sprecher Sprecherin Kreisen Umfeld`.split(/\s+/),
);
/** Link words that are nouns of the statement, not the body. */
const STATEMENT_NOUNS = new Set(
  `Erklärung Mitteilung Stellungnahme Pressemitteilung Sprecher Sprecherin Kreisen Umfeld Seiten`.split(' '),
);
/** "Ministeriums" → "ministerium": a genitive's -s or -es dropped, in lower case. */
const nounStem = (word: string): string => word.toLowerCase().replace(/e?s$/u, '');

/** The capitalised runs of `text` that read as a body's name ("Deutsche Bank", "ADAC"), in order. */
function bodiesNamed(tokens: Token[]): string[] {
  const bodies: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (!isCapitalised(tokens[k])) continue;
    // "Die Deutsche Bank" at a sentence start: the article is no part of the name.
    while (isNeverAName(tokens[k]?.text ?? '') && isCapitalised(tokens[k + 1])) k++;
    const start = k;
    while (isCapitalised(tokens[k + 1])) k++;
    const words = tokens.slice(start, k + 1).map((token) => token.text);
    if ((words.length > 1 || /^\p{Lu}{3,}$/u.test(words[0] ?? '')) && looksLikeOrganisation(words))
      bodies.push(words.join(' '));
  }
  return bodies;
}

/** The body a "heißt es" right after the quotation credits, or null. `before` is the paragraph up to the quotation. */
export function impersonalSource(after: string, before: string): NamedEntity | null {
  const match = IMPERSONAL.exec(after);
  if (!match) return null;
  const rest = tokenize(after.slice(match[0].length, match[0].length + 120));
  let k = 0;
  while (rest[k]?.word && LINK_WORDS.has(rest[k]?.text ?? '')) k++;
  const noun = k > 0 && !STATEMENT_NOUNS.has(rest[k - 1]?.text ?? '') && isCapitalised(rest[k]) ? rest[k]?.text : null;
  const earlier = tokenize(before);
  if (noun) {
    // "des Ministeriums" after "Das Gesundheitsministerium bestätigte": the compound the noun heads.
    const stem = nounStem(noun);
    const named = earlier.findLast((token) => isCapitalised(token) && token.text.toLowerCase().endsWith(stem));
    return named ? { name: named.text, kind: 'organisation', gender: null } : null;
  }
  // A bare "heißt es" (or "in einer Erklärung"): the last body the paragraph named, when it named one.
  if (rest[k]?.word && !STATEMENT_NOUNS.has(rest[k - 1]?.text ?? '') && k > 0) return null;
  const last = bodiesNamed(earlier).at(-1);
  return last ? { name: last, kind: 'organisation', gender: null } : null;
}
